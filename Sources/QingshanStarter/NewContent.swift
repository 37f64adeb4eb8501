import Foundation
import QingshanCore
import QingshanModel

/// `qingshan new` and `qingshan init`: a new Markdown file with its front matter, and a new
/// site that builds at once with the built-in theme.
public enum NewContent {
    public enum Failure: Error, CustomStringConvertible {
        case message(String)
        public var description: String {
            switch self {
            case .message(let text): return text
            }
        }
    }

    /// Creates content/SECTION/YYYY-MM-DD-slug.md (pages: content/pages/slug.md) and returns
    /// its path relative to the site.
    public static func article(siteRoot: String, section raw: String, title: String, today: Day) throws -> String {
        let parts = raw.split(separator: "/").map(String.init)
        guard let first = parts.first, let section = Section(rawValue: first), section != .bulletins else {
            throw Failure.message(
                "未知栏目“\(raw)”，可用：news, notices, science, press, pages, envday/YYYY（月度通报说明请直接建 content/bulletins/YYYY-MM.md）"
            )
        }
        if section == .envday {
            guard parts.count == 2, let year = Int(parts[1]), (2000...2100).contains(year) else {
                throw Failure.message("六五环境日的栏目写作 envday/YYYY，例如 envday/2024")
            }
        } else if parts.count != 1 {
            throw Failure.message("栏目“\(raw)”不存在")
        }
        let trimmed = title.trimmingSpaces()
        guard !trimmed.isEmpty else { throw Failure.message("标题不能为空") }
        var slug = Slug.make(trimmed)
        if slug.isEmpty { slug = "untitled" }
        let name = section == .pages ? "\(slug).md" : "\(today.iso)-\(slug).md"
        let relative = (["content"] + parts + [name]).joined(separator: "/")
        let path = siteRoot + "/" + relative
        let quoted = trimmed.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let text = """
            ---
            title: "\(quoted)"
            date: \(today.iso)
            summary: ""
            tags: []
            draft: true
            ---

            正文从这里开始。写完后删去 draft: true 即可发布。

            """
        guard try createNew(path, relative: relative, text: text) else {
            throw Failure.message("\(relative) 已存在，未覆盖")
        }
        return relative
    }

    /// Writes `text` to a new file at `path` (its folders made), never over an existing one:
    /// false when the file is there already, even one that appeared a moment ago (`O_EXCL`).
    static func createNew(_ path: String, relative: String, text: String) throws -> Bool {
        try makeFolders(PathText.parent(path))
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw Failure.message("无法创建 \(relative)：\(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw Failure.message("无法写入 \(relative)")
        }
        return true
    }

    /// Makes `folder` and the folders above it, saying in words which one could not be made and
    /// why (a file standing where a folder must go, no permission).
    static func makeFolders(_ folder: String) throws {
        var pending: [String] = []
        var current = folder
        while !current.isEmpty, current != "/" {
            pending.append(current)
            current = PathText.parent(current)
        }
        for path in pending.reversed() {
            var info = stat()
            if stat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw Failure.message("\(path) 是文件而不是目录，无法在其中新建内容")
                }
                continue
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw Failure.message("无法创建目录 \(path)：\(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes a new, small, complete site into `folder` (which must be empty or absent).
    public static func site(at folder: String) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.message("\(folder) 已存在且不是目录") }
            let entries = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
            guard entries.isEmpty else { throw Failure.message("\(folder) 不是空目录，未写入任何文件") }
        }
        var written: [String] = []
        for (path, text) in StarterSite.files.sorted(by: { $0.key < $1.key }) {
            let full = folder + "/" + path
            try makeFolders(PathText.parent(full))
            guard fm.createFile(atPath: full, contents: Data(text.utf8)) else { throw Failure.message("无法写入 \(path)") }
            written.append(path)
        }
        return written
    }
}

/// The files of `qingshan init`: placeholders to fill in, one item per column, sample data.
enum StarterSite {
    static let files: [String: String] = [
        "site.yaml": """
        # 站点配置：把尖括号中的内容改成本单位的信息。
        title: 某某生态环境分局
        base_url: https://www.example.gov.cn/hbj/
        language: zh-CN
        description: 生态环境工作动态、环境质量与问题台账信息公开。
        organization:
          departments: [综合科, 执法监测科]
          streets: [甲街道, 乙街道]
        footer:
          sponsor: 某某生态环境分局
          site_code: "0000000000"
          icp: 某ICP备00000000号
          police: 某公网安备00000000000000号
          phone: 0000-0000000
          address: 某某路1号
        privacy:
          allow: ["0000-0000000", "12345", "12369"]

        """,
        "content/news/2023-06-01-first-news.md": """
        ---
        title: 分局召开生态环境工作推进会
        date: 2023-06-01
        tags: [工作动态]
        source: 综合科
        ---

        6月1日，分局召开推进会，部署**“问题台账”**办理和专项行动。

        """,
        "content/notices/2023-05-20-notice.md": """
        ---
        title: 关于开展六五环境日宣传活动的通知
        date: 2023-05-20
        doc_no: 某环〔2023〕1号
        ---

        各科室、各街道环保办：请按要求组织开展宣传活动。

        """,
        "content/science/2023-05-10-aqi.md": """
        ---
        title: 读懂空气质量指数
        date: 2023-05-10
        tags: [科普]
        ---

        AQI 0–50 为优，51–100 为良，超过 100 为污染。

        """,
        "content/press/2023-06-10-press.md": """
        ---
        title: 生态环境工作新闻发布材料
        date: 2023-06-10
        as_of: 2023-06-09
        panels: [ledger, campaigns, air]
        ---

        分局介绍上半年工作进展。

        """,
        "content/pages/about.md": """
        ---
        title: 机构职能
        date: 2023-01-01
        ---

        分局内设综合科、执法监测科。

        """,
        "content/data/ledger.yaml": """
        - id: A-2023-0001
          received: 2023-05-02
          channel: 12345热线
          category: 投诉举报
          domain: 噪声
          street: 甲街道
          summary: 某企业夜间生产噪声扰民
          department: 执法监测科
          owner: 责任人
          deadline: 2023-05-31
          status: 已销号
          closed: 2023-05-25
          rounds:
            - {handled: 2023-05-15, result: 已整改, callback: 2023-05-20, satisfied: true}
          private: {complainant: 示例投诉人, phone: "13800000000"}
        - id: A-2023-0002
          received: 2023-05-20
          channel: 来信来访
          category: 咨询
          street: 乙街道
          summary: 咨询项目环评公示
          department: 综合科
          deadline: 2023-06-05
          status: 办理中

        """,
        "content/data/campaigns.yaml": """
        - id: air
          title: 大气专项治理行动
          group: 专项攻坚
          departments: [执法监测科]
          requirement: 10月底前取得明显成效
          deadline: 2023-10-31
          milestones:
            - {title: 完成排查, due: 2023-05-31, done: 2023-05-28}
            - {title: 完成整改, due: 2023-10-31}

        """,
        "content/data/air.csv": """
        date,station,so2,no2,pm10,co,o3_8h,pm25
        2023-06-01,某站,8,22,56,0.6,120,32
        2023-06-02,某站,9,25,70,0.7,150,41

        """,
    ]
}
