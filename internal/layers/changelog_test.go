package layers

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryUnreleasedChangelogLineHasItsEntry keeps CHANGELOG.md and the
// per-change entries in .changes/unreleased (changie, see CONTRIBUTING.md)
// together without building changie: CHANGELOG.md shows exactly one top-level
// line per entry under its Unreleased heading, so a line written into
// CHANGELOG.md by hand, or an entry added without `make changelog`, fails.
// `make changelog-check` compares the whole text.
func TestEveryUnreleasedChangelogLineHasItsEntry(t *testing.T) {
	root := filepath.Join("..", "..")
	kinds := changieKinds(t, filepath.Join(root, ".changie.yaml"))
	entries, err := filepath.Glob(filepath.Join(root, ".changes", "unreleased", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^kind: *(.+?) *$`).FindSubmatch(b)
		if m == nil || !kinds[strings.Trim(string(m[1]), `"'`)] {
			t.Errorf("%s: kind missing or not one of .changie.yaml's kinds", filepath.Base(e))
		}
	}
	changelog, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := unreleasedLines(string(changelog))
	if len(lines) != len(entries) {
		t.Errorf("CHANGELOG.md has %d lines under its Unreleased heading and .changes/unreleased has %d entries: add each change with `make changelog-entry`, then run `make changelog`", len(lines), len(entries))
	}
}

// changieKinds reads the kind labels of .changie.yaml.
func changieKinds(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  - label: *(.+?) *$`).FindAllStringSubmatch(string(b), -1) {
		kinds[m[1]] = true
	}
	if len(kinds) == 0 {
		t.Fatalf("%s lists no kinds", path)
	}
	return kinds
}

// unreleasedLines returns the top-level "* " lines of the section whose "## "
// heading ends in "(Unreleased)".
func unreleasedLines(changelog string) []string {
	var lines []string
	in := false
	for _, l := range strings.Split(changelog, "\n") {
		if strings.HasPrefix(l, "## ") {
			in = strings.HasSuffix(l, "(Unreleased)")
			continue
		}
		if in && strings.HasPrefix(l, "* ") {
			lines = append(lines, l)
		}
	}
	return lines
}
