# htscreen: build, run, test. `make test` is what CI runs (see .ci/run).
GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X main.version=$(VERSION)
# Fuzzing budgets are execution counts: a duration (-fuzztime=5s) races Go
# 1.26's fuzz coordinator at the deadline and can fail with "context deadline
# exceeded" and no finding (golang/go#75804). FUZZTIME=10m overrides all three
# for a long local run.
FUZZTIME ?=

export CGO_ENABLED ?= 0

.PHONY: all build run test lint vet fmt-check validate race fuzz bench bench-startup docs dist clean

all: build

## build: a static binary at ./htscreen
build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o htscreen ./cmd/htscreen

## run: build, then a screening on the embedded questionnaires. (go run would
## report any failure as exit 1 with "exit status 130"; make reports it as
## its own error 2: run ./htscreen yourself when the exit code matters.)
run: build
	./htscreen screen

## test: everything CI checks: lint, the shipped questionnaires, the race-checked tests
test: lint validate race

## lint: go vet and a gofmt check
lint: vet fmt-check

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## validate: the shipped questionnaires, with every shipped language required
## (one message file per language in screening/locale/messages; a language
## offered only for the person needs only the person's questions)
comma := ,
space := $(subst ,, )
LANGS := $(subst $(space),$(comma),$(filter-out en,$(basename $(notdir $(wildcard screening/locale/messages/*.yaml)))))
validate:
	$(GO) run ./cmd/htscreen validate --require-lang $(LANGS)

## race: go test with the race detector, which needs cgo and a C compiler;
## without a C compiler, plain go test, with a note saying so
PKGS ?= ./...
race:
	@cc=$$($(GO) env CC); \
	if command -v "$${cc%% *}" >/dev/null 2>&1; then \
		echo "CGO_ENABLED=1 $(GO) test -race -count=1 $(PKGS)"; \
		CGO_ENABLED=1 $(GO) test -race -count=1 $(PKGS); \
	else \
		echo "note: no C compiler ($$cc), which -race needs: testing without the race detector"; \
		echo "$(GO) test -count=1 $(PKGS)"; \
		$(GO) test -count=1 $(PKGS); \
	fi

## fuzz: a short run of each fuzz target (FUZZTIME=10m for a longer local run)
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(or $(FUZZTIME),10000x) -fuzzminimizetime=100x ./screening/questionnaire/
	$(GO) test -run='^$$' -fuzz='^FuzzPersonFile$$' -fuzztime=$(or $(FUZZTIME),2000x) -fuzzminimizetime=100x ./screening/questionnaire/
	$(GO) test -run='^$$' -fuzz='^FuzzMessageFile$$' -fuzztime=$(or $(FUZZTIME),5000x) -fuzzminimizetime=100x ./screening/locale/
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(or $(FUZZTIME),50000x) -fuzzminimizetime=100x ./screening/answers/
	$(GO) test -run='^$$' -fuzz='^FuzzEvaluate$$' -fuzztime=$(or $(FUZZTIME),50000x) -fuzzminimizetime=100x ./screening/rules/

## docs: regenerate the command reference (docs/cli), the printable questionnaires, the schema and the calibration figures
docs:
	rm -rf docs/cli && $(GO) run ./cmd/gendocs docs/cli
	@for lang in en es; do \
		dir=docs/questionnaires; [ $$lang = en ] || dir=docs/questionnaires/$$lang; \
		mkdir -p $$dir; \
		for m in triage means labor sex forced_marriage organ; do \
			$(GO) run ./cmd/htscreen show $$m --output markdown --lang $$lang > $$dir/$$m.md || exit 1; \
		done; \
	done
	$(GO) test ./cmd/htscreen -run TestMethodologyIsCurrent -update-docs
	$(GO) test ./cmd/htscreen -run TestCalibration -update-calibration

## bench: the Go benchmarks
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./screening/...

## bench-startup: start-up time against a bare cobra program, first prompt, binary size
bench-startup:
	$(GO) test -run='^$$' -bench='^BenchmarkStartup$$' -benchtime=30x ./cmd/htscreen/

## dist: static binaries for Linux, macOS and Windows (amd64, arm64) in dist/, versioned from the git tag
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist:
	rm -rf dist && mkdir -p dist
	@for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "dist/htscreen-$(VERSION)-$$os-$$arch$$ext"; \
		GOOS=$$os GOARCH=$$arch CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
			-o dist/htscreen-$(VERSION)-$$os-$$arch$$ext ./cmd/htscreen || exit 1; \
	done
	cd dist && sha256sum htscreen-* > SHA256SUMS

clean:
	rm -rf htscreen dist
