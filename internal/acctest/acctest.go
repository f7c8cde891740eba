// Package acctest holds the helpers every acceptance test shares: the
// provider factories, the in-process vendor sandbox, and the provider block
// that points Terraform at it.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	// Every vendor's emulator registers itself with the sandbox.
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes"
)

// PreCheck fails early, with a clear message, when acceptance tests cannot
// run offline.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") != "" && os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must point at a terraform binary: tests never download one (make test sets it)")
	}
}

// Sandbox is a vendor sandbox on a random loopback port for one test.
type Sandbox struct {
	*sandbox.Server
	URL string
}

// StartSandbox starts the emulator of all five vendor APIs and stops it when
// the test ends.
func StartSandbox(t *testing.T, opts sandbox.Options) *Sandbox {
	t.Helper()
	srv := sandbox.New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		srv.Close()
		ts.Close()
	})
	return &Sandbox{Server: srv, URL: ts.URL}
}

// BaseURL is the base URL of one vendor inside the sandbox.
func (s *Sandbox) BaseURL(vendor string) string {
	return s.URL + "/" + vendor
}

// ProviderConfig renders a provider block that points every vendor at the
// sandbox with its valid key. Extra top-level settings ("max_retries = 1")
// are added as given; Override replaces a vendor's block.
func (s *Sandbox) ProviderConfig(extra ...string) string {
	return s.ProviderConfigWith(nil, extra...)
}

// ProviderConfigWith is ProviderConfig with some vendors' blocks replaced by
// the given HCL object bodies (for a bad key, a missing key, and so on).
func (s *Sandbox) ProviderConfigWith(blocks map[string]string, extra ...string) string {
	var b strings.Builder
	b.WriteString("provider \"pricing\" {\n")
	for _, line := range extra {
		fmt.Fprintf(&b, "  %s\n", line)
	}
	for _, v := range sandbox.VendorNames() {
		body, ok := blocks[v]
		if !ok {
			body = fmt.Sprintf("api_key = %q\n    base_url = %q", Key(v), s.BaseURL(v))
		}
		fmt.Fprintf(&b, "  %s = {\n    %s\n  }\n", v, body)
	}
	b.WriteString("}\n")
	return b.String()
}

// Key is the sandbox's valid key for a vendor.
func Key(vendor string) string {
	return sandbox.Key(vendor)
}

// ErrorMatching compiles an ExpectError pattern that tolerates Terraform's
// line wrapping of diagnostics: every space in pattern matches any run of
// whitespace, and . matches newlines.
func ErrorMatching(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}
