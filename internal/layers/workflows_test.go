package layers

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// usesLine finds a step's `uses:`, with or without the leading "- ".
var usesLine = regexp.MustCompile(`^\s*(?:-\s+)?uses:\s*(.*?)\s*$`)

// pinnedAction is an action pinned as hashicorp/terraform-provider-scaffolding-framework
// pins them: the full commit SHA, which a moved or hijacked tag cannot change,
// then the version it was read from, which dependabot updates with it.
var pinnedAction = regexp.MustCompile(`^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$`)

// TestWorkflowActionsArePinnedByCommitSHA fails on a `uses:` in
// .github/workflows that names a tag or a branch instead of a commit.
func TestWorkflowActionsArePinnedByCommitSHA(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", ".github", "workflows", "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no workflow under .github/workflows")
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			m := usesLine.FindStringSubmatch(line)
			if m == nil || strings.HasPrefix(m[1], "./") {
				continue
			}
			n++
			if !pinnedAction.MatchString(m[1]) {
				t.Errorf("%s:%d: uses %q: pin it as owner/repo@<40-hex commit SHA> # vX.Y.Z (read the SHA from the action's tag)", filepath.Base(f), i+1, m[1])
			}
		}
	}
	if n == 0 {
		t.Error("no `uses:` found in .github/workflows: the test would pass on anything")
	}
}
