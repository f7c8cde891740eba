package acctest

import (
	"context"
	"sync"
	"testing"
)

// PlanResult is one terraform plan of a fleet: its error and output.
type PlanResult struct {
	Err    error
	Output string
}

// PlanAtOnce starts n `terraform plan` processes on c's configuration at
// the same moment, as Atlantis or `terragrunt run-all` would, and returns
// each one's result once all have exited. env is added to each process's
// environment; CommandTimeout ends a process that hangs.
func (c *CLI) PlanAtOnce(t *testing.T, n int, env ...string) []PlanResult {
	t.Helper()
	bound := CommandTimeout(t)
	results := make([]PlanResult, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), bound)
			defer cancel()
			cmd, out := c.Command(ctx, env, "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false")
			<-start
			err := cmd.Run()
			results[i] = PlanResult{Err: err, Output: out.String()}
		})
	}
	close(start)
	wg.Wait()
	return results
}
