package acctest

import (
	"os"
	"testing"
	"time"
)

// defaultCommandTimeout is far beyond what any test's CLI command takes on
// a loaded 2-core machine (the longest, a fleet of plans sharing a paced
// vendor, takes about a minute there).
const defaultCommandTimeout = 10 * time.Minute

// CommandTimeout is how long one CLI command of an acceptance test may run
// before the test calls it hung and stops it: a safety net that turns a
// hang into a failure, never a bound on speed. Every acceptance timeout
// derives from it; TF_ACC_COMMAND_TIMEOUT (a Go duration) overrides it.
func CommandTimeout(t testing.TB) time.Duration {
	t.Helper()
	text := os.Getenv("TF_ACC_COMMAND_TIMEOUT")
	if text == "" {
		return defaultCommandTimeout
	}
	d, err := time.ParseDuration(text)
	if err != nil || d <= 0 {
		t.Fatalf("TF_ACC_COMMAND_TIMEOUT %q: want a positive Go duration such as 10m", text)
	}
	return d
}
