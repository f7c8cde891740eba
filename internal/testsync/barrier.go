// Package testsync holds the synchronisation tests use instead of the
// clock: they wait for what they need to have happened, never for a time
// in which it probably did.
package testsync

import (
	"sync"
	"sync/atomic"
)

// Barrier holds whoever waits on it until n wait at once, then lets every
// waiter, then and later, through. A server handler that waits on it
// proves n requests were in flight together.
type Barrier struct {
	n    int32
	held atomic.Int32
	once sync.Once
	open chan struct{}
}

// NewBarrier is a Barrier that opens when n wait on it.
func NewBarrier(n int) *Barrier { return &Barrier{n: int32(n), open: make(chan struct{})} }

// Wait counts the caller in and returns once the barrier has opened.
func (b *Barrier) Wait() {
	if b.held.Add(1) >= b.n {
		b.once.Do(func() { close(b.open) })
	}
	<-b.open
}
