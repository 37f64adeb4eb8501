import Foundation
import Mustache
import QingshanCore

/// The built-in theme (templates/ of the Qingshan repository, embedded in the binary).
public enum DefaultTheme {}

/// Templates and theme assets: the built-in theme, overridden file by file by a site's templates/.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Theme assets (css, js) by path under `assets/`, written to /assets/.
    public let assets: [String: Data]
    /// Where each template came from, for messages.
    public let origins: [String: String]
    /// The templates the site's templates/ overrides (by name, without `.mustache`).
    public let overridden: Set<String>

    /// Put before every template: text values arrive escaped (see TemplateText.swift).
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// The templates every site needs.
    /// Every template a page is rendered with, and `base`, which they extend.
    public static let requiredTemplates = ["base"] + TemplateName.allCases.map(\.rawValue)

    /// Loads the built-in theme and the site's overrides; every template problem is reported.
    public static func load(siteRoot: String?, diagnostics: Diagnostics) -> Theme? {
        var sources: [String: (text: String, origin: String)] = [:]
        var overridden = Set<String>()
        for (path, text) in DefaultTheme.files {
            sources[path] = (text, "templates/\(path)（内置主题）")
        }
        if let siteRoot {
            let folder = siteRoot + "/templates"
            for item in FileTree.files(under: folder).keys.sorted() {
                let path = folder + "/" + item
                if FileTree.leadsOutOfSite("templates/" + item, siteRoot: siteRoot, diagnostics: diagnostics) {
                    continue
                }
                let data = FileManager.default.contents(atPath: path) ?? Data()
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.error(.firstInvalidUTF8(in: data, file: "templates/" + item), "模板文件无法以 UTF-8 读取")
                    continue
                }
                sources[item] = (text, "templates/" + item)
                if item.hasSuffix(".mustache") { overridden.insert(String(item.dropLast(".mustache".count))) }
            }
        }
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var origins: [String: String] = [:]
        var texts: [String: (text: String, origin: String)] = [:]
        var failed = false
        for (path, source) in sources.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = Data(source.text.utf8)
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            do {
                // Views escape their text themselves (TemplateText.swift): render as TEXT.
                let template = try MustacheTemplate(string: Self.textPragma + source.text)
                library.register(template, named: name)
                origins[name] = source.origin
                texts[name] = source
            } catch let error as MustacheTemplate.ParserError {
                failed = true
                diagnostics.error(
                    SourceLocation(
                        file: source.origin, line: error.context.lineNumber,
                        column: error.context.columnNumber + 1
                            - (error.context.lineNumber == 1 ? Self.textPragma.count : 0)),
                    "模板语法错误：\(describe(error.error))")
            } catch {
                failed = true
                diagnostics.error(SourceLocation(file: source.origin), "模板语法错误：\(error)")
            }
        }
        for name in requiredTemplates where texts[name] == nil && !failed {
            failed = true
            diagnostics.error(SourceLocation(file: "templates/\(name).mustache"), "缺少模板“\(name)”")
        }
        // swift-mustache renders a missing partial as nothing; Qingshan makes it an error.
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where texts[reference.name] == nil {
                failed = true
                diagnostics.error(
                    SourceLocation(file: source.origin, line: reference.line, column: reference.column),
                    "模板“\(name)”引用的局部模板“\(reference.name)”不存在",
                    hint: "局部模板放在 templates/ 下，例如 templates/partials/header.mustache 写作 {{>partials/header}}")
            }
        }
        return failed ? nil : Theme(library: library, assets: assets, origins: origins, overridden: overridden)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "区块结束标签与开始标签名称不符"
        case MustacheTemplate.Error.unfinishedName: return "标签没有闭合"
        case MustacheTemplate.Error.expectedSectionEnd: return "区块缺少结束标签"
        case MustacheTemplate.Error.invalidSetDelimiter: return "分隔符设置无效"
        default: return "\(error)"
        }
    }

    struct PartialReference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// `{{>name}}` and `{{<name}}` tags (partials and parents) with their positions.
    static func partialReferences(in text: String) -> [PartialReference] {
        var out: [PartialReference] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 2 < scalars.count, scalars[i + 1] == "{",
                scalars[i + 2] == ">" || scalars[i + 2] == "<"
            {
                var j = i + 3
                var name = String.UnicodeScalarView()
                while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") {
                    name.append(scalars[j])
                    j += 1
                }
                let trimmed = String(name).trimmingSpaces()
                if !trimmed.isEmpty, !trimmed.hasPrefix("*") {
                    out.append(PartialReference(name: trimmed, line: line, column: column))
                }
            }
            if scalars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        return out
    }

    /// Whether every one of these templates is the built-in theme's (the site overrides none).
    public func isBuiltIn(_ names: [String]) -> Bool {
        names.allSatisfy { !overridden.contains($0) }
    }

    /// Renders `view` with the named template through swift-mustache.
    public func render(_ view: Any, template: TemplateName) -> String {
        library.render(view, withTemplate: template.rawValue) ?? ""
    }
}
