# Qingshan — set-up, build, test. `make portal` and `make test` are all a new user needs.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SITE ?= .

.PHONY: deps portal build release test lint format theme install bench clean

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

## theme: embed templates/ (the default theme) into the binary after editing it
theme:
	python3 scripts/embed-theme.py

## install: install the qingshan binary into $(PREFIX)/bin (the default theme is built in)
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/qingshan $(DESTDIR)$(PREFIX)/bin/qingshan

## bench: time qingshan (and hugo, when installed) on a generated corpus; see docs/PERFORMANCE.md
bench: release
	python3 scripts/bench.py

clean:
	rm -rf .build public internal
