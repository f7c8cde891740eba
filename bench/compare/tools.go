package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// tools are the binaries a run needs and the CLI config that serves the
// providers to Terraform.
type tools struct {
	terraform        string
	terraformVersion string
	goVersion        string
	httpVersion      string // e.g. v1.2.0
	cliConfig        string // TF_CLI_CONFIG_FILE
	rssFile          string // BENCH_RSS_FILE, rewritten per run
}

// Provider file names as the RSS wrapper records them.
const (
	pricingBinary = "terraform-provider-pricing"
	httpBinary    = "terraform-provider-http"
)

func prepareTools(ctx context.Context, o options) (tools, error) {
	var t tools
	if err := os.MkdirAll(o.results, 0o755); err != nil {
		return t, err
	}
	bin := filepath.Join(o.work, "bin")
	pricingDir := filepath.Join(o.work, "plugins", "pricing")
	httpDir := filepath.Join(o.work, "plugins", "http")
	for _, d := range []string{bin, pricingDir, httpDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return t, err
		}
	}

	tf, err := output(ctx, nil, "scripts/terraform-path.sh")
	if err != nil {
		return t, fmt.Errorf("resolving terraform: %w", err)
	}
	t.terraform = strings.TrimSpace(tf)
	if t.terraformVersion, err = terraformVersion(ctx, t.terraform); err != nil {
		return t, err
	}
	goVer, err := output(ctx, nil, "go", "version")
	if err != nil {
		return t, err
	}
	t.goVersion = strings.TrimPrefix(strings.TrimSpace(goVer), "go version ")

	realPricing := filepath.Join(bin, pricingBinary)
	if o.providerBin != "" {
		realPricing = o.providerBin
	} else {
		log.Printf("building the provider")
		if _, err := output(ctx, nil, "go", "build", "-o", realPricing, "."); err != nil {
			return t, err
		}
	}

	httpReal, httpVersion, err := buildHTTPProvider(ctx, o)
	if err != nil {
		return t, err
	}
	t.httpVersion = httpVersion

	// Both providers are served through the wrapper, so each run records
	// the peak RSS of every provider process Terraform starts.
	for dst, target := range map[string]string{
		filepath.Join(pricingDir, pricingBinary): realPricing,
		filepath.Join(httpDir, httpBinary):       httpReal,
	} {
		if _, err := output(ctx, nil, "go", "build", "-ldflags", "-X main.target="+target, "-o", dst, "./bench/rsswrap"); err != nil {
			return t, err
		}
	}

	t.cliConfig = filepath.Join(o.work, "bench.tfrc")
	cfg := fmt.Sprintf(`# Written by bench/compare: serve both providers from local builds.
provider_installation {
  dev_overrides {
    "pricingkit/pricing" = %q
    "hashicorp/http"     = %q
  }
}
`, pricingDir, httpDir)
	if err := os.WriteFile(t.cliConfig, []byte(cfg), 0o644); err != nil {
		return t, err
	}
	t.rssFile = filepath.Join(o.work, "rss.txt")
	return t, nil
}

// buildHTTPProvider installs the http provider once into a directory named
// after its version, from the Go module proxy. GOFLAGS/GOWORK are cleared
// so this repository's settings do not leak into an unrelated module.
func buildHTTPProvider(ctx context.Context, o options) (binary, version string, err error) {
	_, version, _ = strings.Cut(o.httpBuild, "@")
	dir := filepath.Join(o.work, "http-provider", version)
	binary = filepath.Join(dir, httpBinary)
	if _, err := os.Stat(binary); err == nil {
		return binary, version, nil
	}
	log.Printf("building %s from the Go module proxy (once)", o.httpBuild)
	start := time.Now()
	env := []string{"GOBIN=" + dir, "GOWORK=off", "GOFLAGS=", "CGO_ENABLED=0"}
	if _, err := output(ctx, env, "go", "install", o.httpBuild); err != nil {
		return "", "", fmt.Errorf("building %s: %w", o.httpBuild, err)
	}
	log.Printf("built %s in %s", o.httpBuild, time.Since(start).Round(time.Second))
	return binary, version, nil
}

func terraformVersion(ctx context.Context, tf string) (string, error) {
	out, err := output(ctx, []string{"CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE=/dev/null"}, tf, "version", "-json")
	if err != nil {
		return "", err
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		return "", fmt.Errorf("terraform version -json: %w", err)
	}
	return v.Version, nil
}

// output runs a command with extra environment and returns its stdout; on
// failure the error carries stderr.
func output(ctx context.Context, env []string, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
