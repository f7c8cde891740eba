// Command pricing-sandbox serves the vendor API emulator from
// internal/sandbox, with every emulator of internal/vendors/sandboxes, as a
// standalone process, for `make demo` and benchmarks.
//
//	go run ./cmd/pricing-sandbox -addr 127.0.0.1:8080
//
// It prints "pricing-sandbox listening on http://ADDR" once the socket is
// bound, so scripts can wait for that line instead of polling, then each
// vendor's base URL and key, to paste into a provider block.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	// Every vendor's emulator registers itself with the sandbox.
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		log.SetFlags(0)
		log.Fatalf("pricing-sandbox: %v", err)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("pricing-sandbox", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (port 0 picks a free port)")
	var opts sandbox.Options
	fs.DurationVar(&opts.Latency, "latency", 0, "delay added to every vendor request, e.g. 50ms")
	fs.BoolVar(&opts.EnforceRateLimits, "enforce-rate-limits", false, "answer 429 beyond "+rateLimited()+" documented limits")
	fs.Float64Var(&opts.FaultRate, "fault-rate", 0, "fraction (0..1) of vendor requests answering a transient 429/503")
	fs.Int64Var(&opts.Seed, "seed", 0, "seed for -fault-rate")
	// Each emulator declares its own flags and reads them back as its options.
	vendorOptions := sandbox.VendorFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	opts.Vendor = vendorOptions()
	if opts.FaultRate < 0 || opts.FaultRate > 1 {
		return fmt.Errorf("-fault-rate must be between 0 and 1, got %v", opts.FaultRate)
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	sb := sandbox.New(opts)
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "pricing-sandbox listening on http://%s\n", ln.Addr())
	printVendors(stdout, "http://"+ln.Addr().String())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Release hanging fault handlers so shutdown does not wait for them.
	sb.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return errors.Join(err, srv.Close())
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// rateLimited names the vendors whose documented limits the sandbox can
// enforce, as "A's and B's".
func rateLimited() string {
	var names []string
	for _, e := range sandbox.Emulators() {
		if e.RateLimited {
			names = append(names, e.Title+"'s")
		}
	}
	return strings.Join(names, " and ")
}

// printVendors shows what a provider block needs to read the sandbox.
func printVendors(w io.Writer, base string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  vendor\tbase_url\tapi_key")
	for _, v := range sandbox.VendorNames() {
		fmt.Fprintf(tw, "  %s\t%s/%s\t%s\n", v, base, v, sandbox.Key(v))
	}
	fmt.Fprintf(tw, "  request counts: curl %s/_sandbox/requests\n", base)
	_ = tw.Flush() // a closed stdout only loses the banner
}
