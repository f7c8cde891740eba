package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const run = `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"noise of a passing test\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"run","Package":"p","Test":"TestB"}
{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:9: want 2, got 3\n"}
{"Action":"fail","Package":"p","Test":"TestB"}
{"Action":"skip","Package":"p","Test":"TestC"}
{"Action":"output","Package":"p","Output":"FAIL\n"}
{"Action":"fail","Package":"p","Elapsed":1.5}
{"Action":"pass","Package":"q","Elapsed":0.2}
# q/broken
broken.go:3:1: syntax error
`

func TestTallyShowsOnlyWhatFailedAndCountsEverything(t *testing.T) {
	var out strings.Builder
	got := tally(strings.NewReader(run), &out)
	want := tallies{Packages: 2, FailedPackages: 1, Passed: 1, Failed: 1, Skipped: 1}
	if got != want {
		t.Errorf("tallies = %+v, want %+v", got, want)
	}
	text := out.String()
	for _, line := range []string{"want 2, got 3", "FAIL p 1.5s", "ok   q 0.2s", "broken.go:3:1: syntax error"} {
		if !strings.Contains(text, line) {
			t.Errorf("output lacks %q:\n%s", line, text)
		}
	}
	if strings.Contains(text, "noise of a passing test") {
		t.Errorf("output shows a passing test's output:\n%s", text)
	}
}

func TestSummarizeIsOneLineOverEveryRun(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	mustWrite(t, a, tallies{Label: "Terraform 1.11.4", Packages: 10, Passed: 800, Skipped: 2})
	mustWrite(t, b, tallies{Label: "OpenTofu 1.10.10", Packages: 3, Passed: 70})
	line, ok, err := summarize([]string{a, b}, 95*time.Second)
	if err != nil || !ok {
		t.Fatalf("summarize: ok=%v err=%v", ok, err)
	}
	want := "make test: PASS: 13 package runs, 870 tests passed, 2 skipped, on Terraform 1.11.4 and OpenTofu 1.10.10, in 1m35s"
	if line != want {
		t.Errorf("line = %q\nwant   %q", line, want)
	}

	mustWrite(t, b, tallies{Label: "OpenTofu 1.10.10", Packages: 3, FailedPackages: 1, Failed: 2})
	if line, ok, _ := summarize([]string{a, b}, time.Second); ok || !strings.Contains(line, "FAIL (2 tests, 1 packages failed)") {
		t.Errorf("a failed run summarizes as %q (ok=%v)", line, ok)
	}
}

func mustWrite(t *testing.T, path string, v tallies) {
	t.Helper()
	if err := writeTallies(path, v); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}
