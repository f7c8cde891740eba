// Command rsswrap stands in for a Terraform provider binary so the benchmark
// can read the provider's peak memory: Terraform starts it as the plugin, it
// runs the real provider (whose path is baked in at build time with
// -ldflags "-X main.target=/path/to/terraform-provider-x") with the same
// arguments, stdio and environment, waits for it, and appends
//
//	<provider file name> <peak RSS in KiB>
//
// to the file named by $BENCH_RSS_FILE (if set). The plugin handshake passes
// through untouched: the real provider writes it to the inherited stdout.
//
// Peak RSS comes from the kernel's rusage for the waited child (ru_maxrss,
// KiB on Linux), so it covers the provider's whole life and nothing else.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
)

// target is the real provider binary; set with -ldflags.
var target string

func main() {
	os.Exit(run())
}

func run() int {
	if target == "" {
		fmt.Fprintln(os.Stderr, "rsswrap: built without -ldflags \"-X main.target=...\"")
		return 2
	}
	cmd := exec.Command(target, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// Terraform stops plugins over gRPC, but pass on any signal it sends so
	// the wrapper never outlives or orphans the provider.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "rsswrap: %v\n", err)
		return 1
	}
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	record(cmd.ProcessState)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintf(os.Stderr, "rsswrap: %v\n", err)
		return 1
	}
	return 0
}

func record(ps *os.ProcessState) {
	path := os.Getenv("BENCH_RSS_FILE")
	if path == "" || ps == nil {
		return
	}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintf(os.Stderr, "rsswrap: %v\n", err)
		return
	}
	defer f.Close()
	// One short write per line: O_APPEND keeps concurrent providers' lines whole.
	_, _ = fmt.Fprintf(f, "%s %d\n", filepath.Base(target), ru.Maxrss)
}
