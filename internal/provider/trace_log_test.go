package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// demoConfig is examples/demo/main.tf, the configuration `make demo` plans.
func demoConfig(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(acctest.ModuleRoot(t), "examples", "demo", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// withKeysInTheProviderBlock is the demo with every key and base URL written
// into the provider block, where Terraform core (not only the provider)
// holds them.
func withKeysInTheProviderBlock(t *testing.T, demo string, sb *acctest.Sandbox) string {
	t.Helper()
	block := demoProviderBlock.FindString(demo)
	if block == "" {
		t.Fatalf("examples/demo/main.tf no longer has a provider \"pricing\" block matching %s", demoProviderBlock)
	}
	return strings.Replace(demo, block, sb.ProviderConfig(), 1)
}

// demoProviderBlock is the demo's provider block, up to its closing brace
// at the start of a line.
var demoProviderBlock = regexp.MustCompile(`(?s)provider "pricing" \{.*?\n\}\n`)

func TestAccTraceLogOfTheDemoHoldsNoAPIKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// keysInConfig writes the keys into the provider block rather than
		// the environment.
		keysInConfig bool
	}{
		{"with the keys in the environment, as make demo runs it", false},
		{"with the keys in the provider block", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, sandbox.Options{})
			config := demoConfig(t)
			if tt.keysInConfig {
				config = withKeysInTheProviderBlock(t, config, sb)
			}
			cli := acctest.NewCLI(t, config)
			if !tt.keysInConfig {
				cli.SandboxEnv(sb)
			}
			logPath := filepath.Join(t.TempDir(), "trace.log")
			ctx, cancel := context.WithTimeout(context.Background(), acctest.CommandTimeout(t))
			defer cancel()
			cmd, out := cli.Command(ctx, []string{"TF_LOG=TRACE", "TF_LOG_PATH=" + logPath}, "plan", "-input=false", "-no-color")
			if err := cmd.Run(); err != nil {
				t.Fatalf("terraform plan: %v\n%s", err, out)
			}

			b, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			log := string(b)
			// The log must be the real thing: Terraform's own trace and the
			// provider's request log both reached it.
			for _, want := range []string{"[TRACE]", "vendor API request", "/identifai/api/partner/pricings", "/streamskill/tarifs/3"} {
				if !strings.Contains(log, want) {
					t.Errorf("the %d-byte TRACE log lacks %q", len(log), want)
				}
			}
			for _, vendor := range sandbox.VendorNames() {
				if strings.Contains(log, acctest.Key(vendor)) {
					t.Errorf("the TRACE log contains the %s API key", vendor)
				}
				if strings.Contains(out.String(), acctest.Key(vendor)) {
					t.Errorf("terraform's output contains the %s API key", vendor)
				}
			}
		})
	}
}
