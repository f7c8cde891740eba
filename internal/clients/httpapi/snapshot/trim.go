package snapshot

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// staleTempAge is when a temporary file is a leftover of a process that
// died while writing, not one another process is writing now.
const staleTempAge = time.Hour

// trim keeps the folder within its bound by removing the oldest entries
// (by modification time), never keep, the one just written. Other
// processes may remove files meanwhile: a file already gone is skipped.
func (s *Store) trim(keep string) {
	dirEntries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	type entryFile struct {
		path    string
		size    int64
		modTime time.Time
	}
	var files []entryFile
	var total int64
	for _, de := range dirEntries {
		name := de.Name()
		info, err := de.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		path := filepath.Join(s.dir, name)
		if strings.HasPrefix(name, ".tmp-") && time.Since(info.ModTime()) > staleTempAge {
			os.Remove(path)
			continue
		}
		if !isEntryName(name) {
			continue
		}
		files = append(files, entryFile{path: path, size: info.Size(), modTime: info.ModTime()})
		total += info.Size()
	}
	slices.SortFunc(files, func(a, b entryFile) int { return cmp.Compare(a.modTime.UnixNano(), b.modTime.UnixNano()) })
	for _, f := range files {
		if total <= s.maxBytes {
			return
		}
		if f.path == keep {
			continue
		}
		if os.Remove(f.path) == nil {
			total -= f.size
		}
	}
}
