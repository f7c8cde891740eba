package sandbox

import (
	"context"
	"time"
)

// SetWait replaces how s spends Options.Latency, so a test sees the wait
// without spending it.
func SetWait(s *Server, wait func(ctx context.Context, d time.Duration) bool) { s.wait = wait }

// SetHanging makes s call hanging as a FaultHang starts to hang.
func SetHanging(s *Server, hanging func()) { s.hanging = hanging }
