package sandbox

import "context"

// AwaitResponses waits until vendor has served n responses with status, or
// ctx is done (its error then): a test acts once the server has answered,
// without polling on a clock.
func (s *Server) AwaitResponses(ctx context.Context, vendor string, status, n int) error {
	for {
		s.mu.Lock()
		got, changed := s.responses[vendor][status], s.responded
		s.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// announce wakes every AwaitResponses; s.mu is held.
func (s *Server) announce() {
	close(s.responded)
	s.responded = make(chan struct{})
}
