package main

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
)

// goBenchPackage is one package's results in `go test -bench` output.
type goBenchPackage struct {
	Package    string
	Benchmarks []goBench
}

type goBench struct {
	Name    string
	Metrics map[string]float64 // by unit: ns/op, MB/s, B/op, allocs/op
}

// readGoBench parses `go test -bench -benchmem` output; a missing file
// yields nothing.
func readGoBench(path string) []goBenchPackage {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var pkgs []goBenchPackage
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkgs = append(pkgs, goBenchPackage{Package: p})
			continue
		}
		fields := strings.Fields(line)
		if len(pkgs) == 0 || len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		bm := goBench{Name: trimProcs(fields[0]), Metrics: map[string]float64{}}
		// fields[1] is the iteration count; then value/unit pairs.
		for i := 2; i+1 < len(fields); i += 2 {
			if v, err := strconv.ParseFloat(fields[i], 64); err == nil {
				bm.Metrics[fields[i+1]] = v
			}
		}
		last := &pkgs[len(pkgs)-1]
		last.Benchmarks = append(last.Benchmarks, bm)
	}
	return slices.DeleteFunc(pkgs, func(p goBenchPackage) bool { return len(p.Benchmarks) == 0 })
}

// trimProcs drops the -GOMAXPROCS suffix go test adds to benchmark names.
func trimProcs(name string) string {
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			return name[:i]
		}
	}
	return name
}
