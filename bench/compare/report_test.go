package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestMedianOfAnOddAndAnEvenNumberOfRuns(t *testing.T) {
	tests := []struct {
		name string
		in   []time.Duration
		want time.Duration
	}{
		{"odd count takes the middle run", []time.Duration{5, 1, 3}, 3},
		{"even count averages the two middle runs", []time.Duration{4, 1, 3, 10}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestGoBenchOutputIsParsedByPackage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "go-bench.txt")
	out := `goos: linux
pkg: example.com/a
BenchmarkDecode/paygentic_100_plans-2   	    1184	   1003325 ns/op	 100.43 MB/s	  438608 B/op	    6642 allocs/op
PASS
pkg: example.com/empty
PASS
pkg: example.com/b
BenchmarkCompute/standard-16   	  500000	      2800 ns/op	    1434 B/op	      54 allocs/op
`
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	pkgs := readGoBench(path)
	if len(pkgs) != 2 || pkgs[0].Package != "example.com/a" || pkgs[1].Package != "example.com/b" {
		t.Fatalf("packages = %+v, want a and b (empty ones dropped)", pkgs)
	}
	bm := pkgs[0].Benchmarks[0]
	if bm.Name != "BenchmarkDecode/paygentic_100_plans" || bm.Metrics["ns/op"] != 1003325 || bm.Metrics["MB/s"] != 100.43 || bm.Metrics["allocs/op"] != 6642 {
		t.Errorf("benchmark = %+v", bm)
	}
	if got := pkgs[1].Benchmarks[0].Name; got != "BenchmarkCompute/standard" {
		t.Errorf("name = %q, want the -16 GOMAXPROCS suffix dropped", got)
	}
}

func TestTheHandWrittenAnalysisIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "benchmarks.md")
	doc := "# Benchmarks\n\n| old table |\n\n## Analysis\n\n" + analysisStart + "\nHand-written.\n\nTwo paragraphs.\n" + analysisEnd + "\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := keptAnalysis(path), "Hand-written.\n\nTwo paragraphs."; got != want {
		t.Errorf("keptAnalysis = %q, want %q", got, want)
	}
	if got := keptAnalysis(filepath.Join(t.TempDir(), "missing.md")); got != "_No analysis yet._" {
		t.Errorf("keptAnalysis of a missing report = %q", got)
	}
}

func TestRSSLinesKeepTheLargestProcessPerProvider(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rss.txt")
	lines := "terraform-provider-pricing 21000\nterraform-provider-http 22000\nterraform-provider-pricing 90000\nterraform-provider-pricing 30000\n"
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readRSS(path)
	if err != nil {
		t.Fatal(err)
	}
	if got[pricingBinary] != 90000 || got[httpBinary] != 22000 {
		t.Errorf("peaks = %v", got)
	}
}

func TestAFailedFleetPlanIsSummedUpByItsFirstError(t *testing.T) {
	out := "Planning failed.\n\nError: Unable to read identifAI pricings\n\n  with data.pricing_identifai_pricings.all,\n" +
		"  on main.tf line 11, in data \"pricing_identifai_pricings\" \"all\":\n  11: data \"pricing_identifai_pricings\" \"all\" {}\n\n" +
		"identifai: list pricings page 1: HTTP 429 Too Many Requests: Too Many\nAttempts.\n\nError: second\n"
	want := "Unable to read identifAI pricings: identifai: list pricings page 1: HTTP 429 Too Many Requests: Too Many Attempts."
	if got := firstErrorLine(out, nil); got != want {
		t.Errorf("firstErrorLine = %q, want %q", got, want)
	}
}
