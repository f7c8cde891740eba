package acctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
)

// Providers is every acceptance test's provider: this checkout's provider
// binary, which the CLI installs from a filesystem mirror at init and starts
// as a plugin, as it does for a user.
//
// It is not served in process (ProtoV6ProviderFactories): terraform-plugin-
// testing starts an in-process server through the SDK's DebugServe, which
// gives it two seconds of wall time (terraform-plugin-sdk/v2 plugin/debug.go)
// and fails the step with "timeout waiting on reattach config" when a loaded
// machine has not scheduled it by then. A plugin the CLI starts has the
// CLI's own start timeout (a minute, go-plugin's default) instead.
var Providers = map[string]resource.ExternalProvider{
	ProviderType: {Source: ProviderNamespace + "/" + ProviderType},
}

// mirrorVersion is the version of the build in the test mirror; init picks
// it as the only one there.
const mirrorVersion = "0.0.1"

// build is the provider binary of this test process, made by Main.
var build struct {
	dir string // holds terraform-provider-pricing
	err error
}

// Main runs a package's tests. With TF_ACC set it first builds the provider
// once for the whole test binary, installs it in a filesystem mirror under
// both registry hosts, and points TF_CLI_CONFIG_FILE at a configuration
// that installs pricingkit/pricing from that mirror and nothing from the
// network. Every package whose tests run the CLI calls it from TestMain.
func Main(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	if os.Getenv("TF_ACC") == "" {
		return m.Run()
	}
	tmp, err := os.MkdirTemp("", "pricing-acctest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "acctest:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	build.dir = filepath.Join(tmp, "bin")
	rc, err := installProvider(tmp, build.dir)
	if err != nil {
		// The tests that need the build fail with this error; the others run.
		build.err = err
	} else if err := os.Setenv("TF_CLI_CONFIG_FILE", rc); err != nil {
		build.err = err
	}
	return m.Run()
}

// installProvider builds the provider into binDir, links it into an
// unpacked filesystem mirror under tmp and writes the CLI configuration
// that installs it from there, returning that configuration's path.
func installProvider(tmp, binDir string) (string, error) {
	root, err := s3server.ModuleRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(binDir, "terraform-provider-pricing")
	cmd := exec.Command("go", "build", "-ldflags", "-X main.version=test", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the provider: %w\n%s", err, out)
	}
	mirror := filepath.Join(tmp, "mirror")
	var includes string
	for _, host := range []string{TerraformHost, OpenTofuHost} {
		target := filepath.Join(mirror, host, ProviderNamespace, ProviderType, mirrorVersion, runtime.GOOS+"_"+runtime.GOARCH)
		if err := os.MkdirAll(target, 0o755); err != nil {
			return "", err
		}
		if err := os.Link(bin, filepath.Join(target, "terraform-provider-pricing_v"+mirrorVersion)); err != nil {
			return "", fmt.Errorf("installing the provider in the test mirror: %w", err)
		}
		includes += fmt.Sprintf("%q, ", host+"/"+ProviderNamespace+"/"+ProviderType)
	}
	rc := filepath.Join(tmp, "acctest.tfrc")
	config := fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path    = %q\n    include = [%s]\n  }\n}\n", mirror, includes)
	if err := os.WriteFile(rc, []byte(config), 0o600); err != nil {
		return "", err
	}
	return rc, nil
}

// providerDir is the directory holding the provider binary that Main built.
func providerDir(t *testing.T) string {
	t.Helper()
	switch {
	case build.err != nil:
		t.Fatal(build.err)
	case build.dir == "":
		t.Fatal("the provider was not built: the package's TestMain must call acctest.Main")
	}
	return build.dir
}

// Test is resource.Test with what every acceptance test needs: PreCheck and
// the provider Main built.
func Test(t *testing.T, c resource.TestCase) {
	t.Helper()
	resource.Test(t, withProvider(t, c))
}

// ParallelTest is Test for a test that may run beside others.
func ParallelTest(t *testing.T, c resource.TestCase) {
	t.Helper()
	resource.ParallelTest(t, withProvider(t, c))
}

func withProvider(t *testing.T, c resource.TestCase) resource.TestCase {
	precheck := c.PreCheck
	c.PreCheck = func() {
		PreCheck(t)
		if precheck != nil {
			precheck()
		}
	}
	c.ExternalProviders = Providers
	return c
}
