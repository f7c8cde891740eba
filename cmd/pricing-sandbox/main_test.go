package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

func TestRunAnnouncesItsAddressServesAndStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-paygentic-plans", "1000", "-latency", "1ms"}, pw)
		pw.Close()
	}()

	banner := bufio.NewReader(pr)
	line, err := banner.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the announcement: %v", err)
	}
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "pricing-sandbox listening on ")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("announcement = %q", line)
	}
	for _, vendor := range sandbox.VendorNames() {
		line := readLineContaining(t, banner, base+"/"+vendor)
		if !strings.Contains(line, sandbox.Key(vendor)) {
			t.Errorf("the banner line for %s does not show its key: %q", vendor, line)
		}
	}
	go func() { _, _ = io.Copy(io.Discard, banner) }()

	req, _ := http.NewRequest(http.MethodGet, base+"/paygentic/v0/plans?limit=1", nil)
	req.Header.Set("Authorization", "Bearer sandbox-paygentic-key")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"total":1000`) {
		t.Fatalf("status %d body %s", resp.StatusCode, body)
	}

	cancel()
	// Nothing else stops run: its returning at all proves the cancellation
	// stopped it.
	if err := <-done; err != nil {
		t.Fatalf("run returned %v", err)
	}
}

func TestRunRejectsAFaultRateAboveOne(t *testing.T) {
	if err := run(context.Background(), []string{"-fault-rate", "1.5"}, io.Discard); err == nil {
		t.Fatal("run accepted -fault-rate 1.5")
	}
}

func readLineContaining(t *testing.T, r *bufio.Reader, want string) string {
	t.Helper()
	for range 10 {
		line, err := r.ReadString('\n')
		if strings.Contains(line, want) {
			return line
		}
		if err != nil {
			break
		}
	}
	t.Fatalf("the banner has no line with %q", want)
	return ""
}
