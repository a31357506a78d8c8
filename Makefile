# The two commands a newcomer needs: `make demo` and `make test`. Everything else is a
# convenience for developers. Build parallelism stays at 2 (the machines have 2 cores).
SHELL := /bin/bash
DEMO_DB ?= sqlite://./data/sinergi.db
DEMO_LISTEN ?= 127.0.0.1:8080

.PHONY: demo test deps build web release format lint bench-http clean

## demo: install what is missing, build, load the demo province into ./data/sinergi.db and serve it
demo: deps build web
	@mkdir -p data
	./build/dev/src/app/sinergi demo --db $(DEMO_DB)
	@./scripts/demo-banner.sh $(DEMO_LISTEN)
	./build/dev/src/app/sinergi serve --db $(DEMO_DB) --listen $(DEMO_LISTEN) --web web/dist

## test: everything CI runs (both builds, SQLite and PostgreSQL, lint, fuzz)
test:
	./scripts/test.sh

deps:
	./scripts/install-deps.sh

build:
	cmake --preset dev >/dev/null
	cmake --build --preset dev

## web: the web application, from the committed lockfile, into web/dist
web:
	cd web && npm ci --no-audit --no-fund && npm run build

release:
	cmake --preset release >/dev/null
	cmake --build --preset release

format:
	git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | grep -v '^web/' | xargs clang-format -i

lint: build
	./scripts/lint.sh build/dev

bench-http: release
	./bench/http/run.sh

clean:
	rm -rf build
