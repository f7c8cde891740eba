// Command testsummary turns `go test -json` into short output for
// `make test`: a line per package, the output of failing tests only, and at
// the end one summary line over every run.
//
//	go test -json ./... | go run ./scripts/testsummary -label "Terraform 1.11.4" -out .cache/test/terraform.json
//	go run ./scripts/testsummary -summary -since 1733470000 .cache/test/*.json
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func main() {
	var (
		label   = flag.String("label", "", "what the run ran against, e.g. \"Terraform 1.11.4\"")
		out     = flag.String("out", "", "file to write the run's tallies to")
		summary = flag.Bool("summary", false, "print one line over the tallies files given as arguments")
		since   = flag.Int64("since", 0, "unix time the whole test started, for -summary")
	)
	flag.Parse()
	if *summary {
		line, ok, err := summarize(flag.Args(), time.Since(time.Unix(*since, 0)))
		if err != nil {
			fmt.Fprintln(os.Stderr, "testsummary:", err)
			os.Exit(2)
		}
		fmt.Println(line)
		if !ok {
			os.Exit(1)
		}
		return
	}
	t := tally(os.Stdin, os.Stdout)
	t.Label = *label
	if *out != "" {
		if err := writeTallies(*out, t); err != nil {
			fmt.Fprintln(os.Stderr, "testsummary:", err)
			os.Exit(2)
		}
	}
	if t.Failed > 0 || t.FailedPackages > 0 {
		os.Exit(1)
	}
}

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

// tallies is what one run counted.
type tallies struct {
	Label          string
	Packages       int
	FailedPackages int
	Passed         int
	Failed         int
	Skipped        int
}

// tally reads a run's events, printing a line per package and the output
// of what failed, and counts tests (subtests included).
func tally(in io.Reader, w io.Writer) tallies {
	var t tallies
	output := map[string][]string{} // by package + test, until it passes
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.Action == "" {
			// Not an event: the go command's own output (a build error).
			fmt.Fprintln(w, sc.Text())
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output", "build-output":
			if e.Test != "" || e.Action == "build-output" {
				output[key] = append(output[key], e.Output)
			} else if strings.HasPrefix(e.Output, "FAIL") || strings.HasPrefix(e.Output, "panic:") {
				output[key] = append(output[key], e.Output)
			}
		case "pass", "skip":
			if e.Test == "" {
				if e.Action == "pass" {
					t.Packages++
					fmt.Fprintf(w, "ok   %s %.1fs\n", e.Package, e.Elapsed)
				}
			} else if e.Action == "pass" {
				t.Passed++
			} else {
				t.Skipped++
			}
			delete(output, key)
		case "fail":
			if e.Test == "" {
				t.Packages++
				t.FailedPackages++
				fmt.Fprint(w, strings.Join(output[key], ""))
				fmt.Fprintf(w, "FAIL %s %.1fs\n", e.Package, e.Elapsed)
			} else {
				t.Failed++
				fmt.Fprint(w, strings.Join(output[key], ""))
			}
			delete(output, key)
		}
	}
	return t
}

func writeTallies(path string, t tallies) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// summarize is the one line `make test` ends with.
func summarize(paths []string, took time.Duration) (string, bool, error) {
	if len(paths) == 0 {
		return "", false, errors.New("-summary needs the tallies files of the runs")
	}
	var total tallies
	var labels []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", false, err
		}
		var t tallies
		if err := json.Unmarshal(b, &t); err != nil {
			return "", false, fmt.Errorf("%s: %w", p, err)
		}
		total.Packages += t.Packages
		total.FailedPackages += t.FailedPackages
		total.Passed += t.Passed
		total.Failed += t.Failed
		total.Skipped += t.Skipped
		if t.Label != "" {
			labels = append(labels, t.Label)
		}
	}
	ok := total.Failed == 0 && total.FailedPackages == 0
	verdict := "PASS"
	if !ok {
		verdict = fmt.Sprintf("FAIL (%d tests, %d packages failed)", total.Failed, total.FailedPackages)
	}
	return fmt.Sprintf("make test: %s: %d package runs, %d tests passed, %d skipped, on %s, in %s",
		verdict, total.Packages, total.Passed, total.Skipped, strings.Join(labels, " and "), took.Round(time.Second)), ok, nil
}
