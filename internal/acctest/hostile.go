package acctest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The hostile suite runs terraform plan well over a hundred times; building
// the provider for each run (as NewCLI does) would dominate it, so it is
// built once per test binary into a directory of its own per checkout, which
// the next run overwrites rather than litters.
var hostileBuild struct {
	once sync.Once
	dir  string
	err  error
}

func hostileProviderDir(t *testing.T) string {
	t.Helper()
	root := ModuleRoot(t)
	hostileBuild.once.Do(func() {
		h := fnv.New32a()
		_, _ = h.Write([]byte(root)) // hash writes never fail
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("pricing-hostile-provider-%d-%x", os.Getuid(), h.Sum32()))
		build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-pricing"), ".")
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			hostileBuild.err = fmt.Errorf("building the provider: %v\n%s", err, out)
			return
		}
		hostileBuild.dir = dir
	})
	if hostileBuild.err != nil {
		t.Fatal(hostileBuild.err)
	}
	return hostileBuild.dir
}

// NewHostileCLI is NewCLI with the provider built once for the whole test
// binary: the configuration runs in a fresh directory, out of process, as
// a user runs it, so a provider crash or runaway memory is terraform's to
// report rather than the test binary's.
func NewHostileCLI(t *testing.T, config string) *CLI {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: the real terraform binary is not run")
	}
	PreCheck(t)
	bin := hostileProviderDir(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "config")
	rc := filepath.Join(tmp, "dev.tfrc")
	writeFile(t, filepath.Join(dir, "main.tf"), config)
	writeFile(t, rc, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"pricingkit/pricing\" = %q\n  }\n  direct {}\n}\n", bin))
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_LOG") || strings.HasSuffix(name, "_API_KEY") || strings.HasSuffix(name, "_BASE_URL") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &CLI{Terraform: os.Getenv("TF_ACC_TERRAFORM_PATH"), Dir: dir, Env: env}
}

// Run is what one terraform command did.
type Run struct {
	ExitCode int           // -1 when it was killed at the deadline
	TimedOut bool          // the deadline passed: a hang, reported as such
	Output   string        // stdout and stderr, interleaved
	Log      string        // the TF_LOG=TRACE log (terraform and provider)
	Took     time.Duration // wall time, for the report only
}

// PlanTraced runs terraform plan with TF_LOG=TRACE into a file. A run still
// going at the deadline is killed with its whole process group, provider
// plugin included, so a hung provider cannot outlive its test and eat the
// CPU of the ones after it.
func (c *CLI) PlanTraced(t *testing.T, deadline time.Duration) Run {
	t.Helper()
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
