package acctest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Run is what one terraform command did.
type Run struct {
	ExitCode int           // -1 when it was killed at the deadline
	TimedOut bool          // the deadline passed: a hang, reported as such
	Output   string        // stdout and stderr, interleaved
	Log      string        // the TF_LOG=TRACE log (terraform and provider)
	Took     time.Duration // wall time, for the report only
}

// PlanTraced runs terraform plan with TF_LOG=TRACE into a file. A run still
// going after CommandTimeout is killed with its whole process group, provider
// plugin included, so a hung provider cannot outlive its test and eat the
// CPU of the ones after it.
func (c *CLI) PlanTraced(t *testing.T) Run {
	t.Helper()
	deadline := CommandTimeout(t)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd, out := c.Command(ctx, []string{"TF_LOG=TRACE", "TF_LOG_PATH=" + logPath}, "plan", "-input=false", "-no-color")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	err := cmd.Run()
	run := Run{Output: out.String(), Took: time.Since(start), TimedOut: ctx.Err() != nil}
	if cmd.Process != nil {
		// The plugin is terraform's child in the same group; make sure
		// nothing of this run survives it, whatever way it ended.
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	var exit *exec.ExitError
	switch {
	case run.TimedOut:
		run.ExitCode = -1
	case err == nil:
	case errors.As(err, &exit):
		run.ExitCode = exit.ExitCode()
	default:
		t.Fatalf("running terraform: %v\n%s", err, run.Output)
	}
	if b, err := os.ReadFile(logPath); err == nil {
		run.Log = string(b)
	}
	return run
}

// HostileKey is a credential unique to one test, so finding it anywhere
// can only mean this test's provider leaked it.
func HostileKey(t *testing.T, vendor string) string {
	t.Helper()
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "hostile-" + vendor + "-key-" + hex.EncodeToString(b)
}

// Excerpt is the start and end of a long output, for failure messages.
func Excerpt(s string) string {
	const keep = 2500
	if len(s) <= 2*keep {
		return s
	}
	return s[:keep] + fmt.Sprintf("\n[… %d bytes …]\n", len(s)-2*keep) + s[len(s)-keep:]
}
