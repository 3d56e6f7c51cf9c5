# playhub — `make build` builds playhub and the example hub into public/; `make test` runs
# every test. Both install what they need from Debian's packages when it is missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PLAYHUB := .build/release/playhub

.PHONY: build test deps theme release serve bench bench-quick validate clean

build: deps theme release
	$(PLAYHUB) build --source .

release:
	$(SWIFT) build -c release --product playhub

test: deps theme
	$(SWIFT) test

# libcmark (Markdown) through pkg-config.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing libcmark-dev and pkg-config from Debian's packages"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

# Compiles themes/default into the binary (see scripts/embed-theme.sh).
theme:
	@./scripts/embed-theme.sh

serve:
	@echo "playhub serve: not yet available"

bench bench-quick:
	@echo "make $@: not yet available"

clean:
	rm -rf .build public
