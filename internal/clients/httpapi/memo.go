package httpapi

import (
	"context"
	"sync"

	"golang.org/x/sync/singleflight"
)

// memo is a per-client cache with single-flight: data sources that read the
// same listing in one Terraform run share one fetch, also when they ask at
// the same moment. Failures are not kept, so a later reader tries again.
type memo struct {
	group singleflight.Group
	mu    sync.Mutex
	done  map[string]any
}

func (m *memo) load(key string) (any, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.done[key]
	return v, ok
}

func (m *memo) store(key string, v any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done == nil {
		m.done = map[string]any{}
	}
	m.done[key] = v
}

func (m *memo) do(key string, fn func() (any, error)) (any, error) {
	if v, ok := m.load(key); ok {
		return v, nil
	}
	v, err, _ := m.group.Do(key, func() (any, error) {
		if v, ok := m.load(key); ok {
			return v, nil
		}
		v, err := fn()
		if err == nil {
			m.store(key, v)
		}
		return v, err
	})
	return v, err
}

// Shared runs fn once per key for the life of a: a success is kept and
// returned to every later caller of key, also to those that ask while fn
// runs; a failure is not kept. Every caller of one key must ask for the
// same T. fn runs with the context of the caller that started it. Each
// caller's read tracker (TrackReads) learns when the data was fetched and
// any warning about it.
func Shared[T any](ctx context.Context, a *API, key string, fn func(ctx context.Context) (T, error)) (T, error) {
	v, err := a.memo.do(key, func() (any, error) {
		return a.read(ctx, key, func(ctx context.Context) (any, error) { return fn(ctx) })
	})
	if err != nil {
		var zero T
		return zero, err
	}
	r := v.(sharedRead) //nolint:forcetypeassert // the memo holds only sharedReads
	trackerFrom(ctx).add(r)
	return r.value.(T), nil //nolint:forcetypeassert // every producer of key returns T
}
