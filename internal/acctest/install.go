package acctest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/dirhash"
)

// Provider host names: the registry a CLI resolves the short source
// "pricingkit/pricing" to.
const (
	TerraformHost = "registry.terraform.io"
	OpenTofuHost  = "registry.opentofu.org"
)

// ProviderNamespace and ProviderType make up the provider's source address
// after the host.
const (
	ProviderNamespace = "pricingkit"
	ProviderType      = "pricing"
)

// Mirror is a filesystem mirror (packed layout) holding one build of this
// checkout's provider, and a CLI configuration that installs the provider
// from it and everything else directly: a real `init`, as after a registry
// download, without dev_overrides.
type Mirror struct {
	CLI     string // the terraform or tofu binary (TF_ACC_TERRAFORM_PATH)
	Host    string // TerraformHost or OpenTofuHost
	Version string // the provider version in the mirror, e.g. 0.0.1-test
	Dir     string // the mirror's root directory
	Zip     string // the provider package inside Dir
	H1      string // the package's "h1:" hash, as a lock file records it
	RC      string // the CLI configuration file (TF_CLI_CONFIG_FILE)
}

// ProviderHost is the registry host the CLI at path resolves the provider's
// short source address to: OpenTofuHost when TF_ACC_PROVIDER_HOST names it or
// `<cli> version` reports OpenTofu, TerraformHost otherwise.
func ProviderHost(t *testing.T, cli string) string {
	t.Helper()
	if os.Getenv("TF_ACC_PROVIDER_HOST") == OpenTofuHost {
		return OpenTofuHost
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cli, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", cli, err, out)
	}
	if bytes.Contains(out, []byte("OpenTofu")) {
		return OpenTofuHost
	}
	return TerraformHost
}

// NewMirror skips the test unless acceptance tests are enabled, builds the
// provider with main.version stamped to version, packs it the way the
// registry serves it (terraform-provider-pricing_<version>_<os>_<arch>.zip
// holding terraform-provider-pricing_v<version>) into a filesystem mirror,
// and writes a CLI configuration that installs pricingkit/pricing only from
// that mirror.
func NewMirror(t *testing.T, version string) *Mirror {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: the real terraform binary is not run")
	}
	PreCheck(t)
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	host := ProviderHost(t, cli)
	tmp := t.TempDir()

	binName := "terraform-provider-pricing_v" + version
	if runtime.GOOS == "windows" {
		binName += ".exe"
	}
	bin := filepath.Join(tmp, "build", binName)
	build := exec.CommandContext(t.Context(), "go", "build",
		"-ldflags", "-X main.version="+version+" -X main.commit=acctest",
		"-o", bin, ".")
	build.Dir = ModuleRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}

	mirror := filepath.Join(tmp, "mirror")
	pkgDir := filepath.Join(mirror, host, ProviderNamespace, ProviderType)
	zipPath := filepath.Join(pkgDir, fmt.Sprintf("terraform-provider-pricing_%s_%s_%s.zip", version, runtime.GOOS, runtime.GOARCH))
	writeProviderZip(t, zipPath, bin, binName)
	h1, err := dirhash.HashZip(zipPath, dirhash.Hash1)
	if err != nil {
		t.Fatalf("hashing %s: %v", zipPath, err)
	}

	addr := host + "/" + ProviderNamespace + "/" + ProviderType
	rc := filepath.Join(tmp, "mirror.tfrc")
	writeFile(t, rc, fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = [%q]
  }
  direct {
    exclude = [%q]
  }
}
`, mirror, addr, addr))

	return &Mirror{CLI: cli, Host: host, Version: version, Dir: mirror, Zip: zipPath, H1: h1, RC: rc}
}

// writeProviderZip writes a zip at path holding the file at bin, executable,
// under name.
func writeProviderZip(t *testing.T, path, bin, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	hdr, err := zip.FileInfoHeader(info)
	if err != nil {
		t.Fatal(err)
	}
	hdr.Name = name
	hdr.Method = zip.Deflate
	hdr.SetMode(0o755)
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(w, src); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// Workdir writes config as main.tf into a fresh directory and returns a CLI
// that runs the mirror's terraform or tofu there with the mirror's CLI
// configuration. Like NewCLI, the caller's logging, vendor settings and
// anything that changes where providers come from are left out.
func (m *Mirror) Workdir(t *testing.T, config string) *CLI {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "config")
	writeFile(t, filepath.Join(dir, "main.tf"), config)
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_LOG") || strings.HasSuffix(name, "_API_KEY") || strings.HasSuffix(name, "_BASE_URL") ||
			strings.HasPrefix(name, "TF_CLI_ARGS") || name == "TF_PLUGIN_CACHE_DIR" || name == "TF_DATA_DIR" || name == "TF_CLI_CONFIG_FILE" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "TF_CLI_CONFIG_FILE="+m.RC, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &CLI{Terraform: m.CLI, Dir: dir, Env: env}
}

// LockedHashes returns the version and hashes that the lock file in dir
// records for this provider under the mirror's host; it fails the test when
// the file has no entry for it.
func (m *Mirror) LockedHashes(t *testing.T, dir string) (version string, hashes []string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, ".terraform.lock.hcl"))
	if err != nil {
		t.Fatalf("reading the lock file: %v", err)
	}
	addr := m.Host + "/" + ProviderNamespace + "/" + ProviderType
	block := regexp.MustCompile(`(?s)provider "` + regexp.QuoteMeta(addr) + `" \{(.*?)\n\}`).FindSubmatch(raw)
	if block == nil {
		t.Fatalf("the lock file has no entry for %s:\n%s", addr, raw)
	}
	if v := regexp.MustCompile(`(?m)^\s*version\s*=\s*"([^"]*)"`).FindSubmatch(block[1]); v != nil {
		version = string(v[1])
	}
	list := regexp.MustCompile(`(?s)hashes\s*=\s*\[(.*?)\]`).FindSubmatch(block[1])
	if list == nil {
		t.Fatalf("the lock file's entry for %s has no hashes:\n%s", addr, raw)
	}
	for _, h := range regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(list[1], -1) {
		hashes = append(hashes, string(h[1]))
	}
	return version, hashes
}
