# Qingshan — set-up, build, test. `make portal` and `make test` are all a new user needs.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SITE ?= .

.PHONY: deps portal build release test lint format theme install bench clean fuzz

## deps: install the system packages Qingshan links against (apt-get when root, else print the command)
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q && \
	    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "missing system packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

## release: build the qingshan binary in release mode
release: deps
	$(SWIFT) build -c release --product qingshan

## portal: build the sample portal at the repository root into public/
portal: release
	.build/release/qingshan build --site $(SITE)
	@echo "The portal is in $(abspath $(SITE))/public/. Its links carry the path of base_url (/hbj/ for the sample)."
	@echo "Preview: mkdir -p /tmp/preview && ln -sfn $(abspath $(SITE))/public /tmp/preview/hbj && python3 -m http.server -d /tmp/preview 8000 — then open http://127.0.0.1:8000/hbj/"

## test: the whole test suite (CI runs this)
test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

## lint: swift format in lint mode with the committed .swift-format
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

## format: rewrite sources with swift format
format:
	$(SWIFT) format format -i -r Sources Tests Package.swift

## theme: after editing templates/ (the default theme) or the view schema: embed the templates
## into the binary and compile the built-in pages to Swift (Sources/QingshanRender/CompiledTheme.swift)
theme:
	python3 scripts/embed-theme.py
	$(SWIFT) run qingshan-theme

## install: install the qingshan binary into $(PREFIX)/bin (the default theme is built in)
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/qingshan $(DESTDIR)$(PREFIX)/bin/qingshan

## bench: time qingshan (and hugo, when installed) on a generated corpus; see docs/PERFORMANCE.md
bench: release
	python3 scripts/bench.py

clean:
	rm -rf .build public internal

## fuzz: build the libFuzzer harnesses in Fuzz/ and run each for FUZZ_SECONDS (not part of `make test`); see Fuzz/README.md
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzFrontMatter FuzzLedger FuzzCSV FuzzMarkdown FuzzSiteConfig
FUZZ_FLAGS ?=
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path .build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	Fuzz/seed.sh
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  case $$t in \
	    FuzzMarkdown) len=1048576; dict=markdown ;; FuzzFrontMatter) len=65536; dict=frontmatter ;; \
	    FuzzLedger) len=65536; dict=ledger ;; FuzzCSV) len=65536; dict=csv ;; *) len=65536; dict=yaml ;; \
	  esac; \
	  mkdir -p Fuzz/findings/$$t Fuzz/logs; before=$$(ls Fuzz/findings/$$t | wc -l); \
	  echo "== $$t for $(FUZZ_SECONDS) s (log: Fuzz/logs/$$t.log)"; \
	  (cd Fuzz && SWIFT_BACKTRACE=enable=no ./.build/release/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$len \
	    -timeout=2 -rss_limit_mb=2048 -dict=dict/$$dict.dict -artifact_prefix=findings/$$t/ -print_final_stats=1 \
	    $(FUZZ_FLAGS) corpus/$$t) > Fuzz/logs/$$t.log 2>&1 || failed="$$failed $$t"; \
	  grep -E '^#[0-9]+ +DONE|^#[0-9]+: cov|stat::number_of_executed_units|SUMMARY|Test unit written' Fuzz/logs/$$t.log \
	    | tail -n 4 || tail -n 5 Fuzz/logs/$$t.log; \
	  if [ "$$(ls Fuzz/findings/$$t | wc -l)" -gt "$$before" ]; then \
	    case "$$failed" in *" $$t"*) ;; *) failed="$$failed $$t" ;; esac; fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in$$failed (see Fuzz/findings/ and Fuzz/logs/)"; exit 1; fi
