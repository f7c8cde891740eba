package testsync

import (
	"sync"
	"testing"
)

func TestBarrierOpensWhenNWaitAndStaysOpen(t *testing.T) {
	t.Parallel()
	b := NewBarrier(3)
	passed := make(chan int, 3)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() { b.Wait(); passed <- i })
	}
	select {
	case i := <-passed:
		t.Fatalf("waiter %d passed with 2 of 3 waiting", i)
	default:
	}
	b.Wait() // the third opens it for all
	wg.Wait()
	if len(passed) != 2 {
		t.Errorf("%d of the first 2 waiters passed, want both", len(passed))
	}
	b.Wait() // and a later waiter passes at once
}
