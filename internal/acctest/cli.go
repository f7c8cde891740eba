package acctest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// CLI runs the real terraform binary on a configuration in its own
// directory, with the provider binary built from this checkout installed
// through dev_overrides: the way a user runs it, outside the test harness.
// Tests that need the terraform process itself (its logs, its signals) use
// it; everything else uses resource.Test.
type CLI struct {
	Terraform string   // the terraform binary (TF_ACC_TERRAFORM_PATH)
	Dir       string   // working directory holding main.tf
	Env       []string // environment for terraform, without TF_LOG settings
}

// NewCLI skips the test unless acceptance tests are enabled and writes
// config as main.tf next to a CLI configuration that points Terraform at the
// provider Main built.
func NewCLI(t *testing.T, config string) *CLI {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: the real terraform binary is not run")
	}
	PreCheck(t)
	bin := providerDir(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "config")
	rc := filepath.Join(tmp, "dev.tfrc")
	writeFile(t, filepath.Join(dir, "main.tf"), config)
	writeFile(t, rc, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "pricingkit/pricing" = %q
  }
  direct {}
}
`, bin))

	var env []string
	for _, kv := range os.Environ() {
		// The caller's logging and vendor settings must not change the run.
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_LOG") || strings.HasPrefix(name, "PRICING_") || strings.HasSuffix(name, "_API_KEY") || strings.HasSuffix(name, "_BASE_URL") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &CLI{Terraform: os.Getenv("TF_ACC_TERRAFORM_PATH"), Dir: dir, Env: env}
}

// SandboxEnv points every vendor at the sandbox with its valid key through
// the environment variables the provider reads, as scripts/demo.sh does.
func (c *CLI) SandboxEnv(sb *Sandbox) {
	for _, v := range sandbox.VendorNames() {
		prefix := strings.ToUpper(v)
		c.Env = append(c.Env, prefix+"_BASE_URL="+sb.BaseURL(v), prefix+"_API_KEY="+Key(v))
	}
}

// Command is terraform with args in the configuration's directory; extra
// environment variables come last and win.
func (c *CLI) Command(ctx context.Context, extraEnv []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, c.Terraform, args...)
	cmd.Dir = c.Dir
	cmd.Env = append(append([]string{}, c.Env...), extraEnv...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// ModuleRoot is the directory holding this module's go.mod.
func ModuleRoot(t *testing.T) string {
	t.Helper()
	root, err := s3server.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
