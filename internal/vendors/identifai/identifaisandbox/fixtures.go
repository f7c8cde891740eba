package identifaisandbox

import (
	"encoding/json"
	"sort"
	"strings"
	"time"
)

type identifaiData struct {
	pricings []Pricing        // id order
	json     [][]byte         // serialized pricings, same index
	sorted   map[string][]int // "order:direction" -> indexes into pricings
}

// DuplicateName is the name shared by two identifAI pricings with
// different SKUs, so a lookup by name alone is ambiguous.
const DuplicateName = "Starter"

func newIdentifaiData() *identifaiData {
	base := time.Date(2024, 1, 10, 9, 0, 0, 0, time.UTC)
	var ps []Pricing
	add := func(name, sku string) {
		id := len(ps) + 1
		// Every 7th pricing was backdated (imported from an older catalogue),
		// so created_at order differs from id order.
		created := base.Add(time.Duration(id)*24*time.Hour + time.Duration(id)*time.Second)
		if id%7 == 3 {
			created = created.Add(-10 * 24 * time.Hour)
		}
		ps = append(ps, Pricing{ID: id, Name: name, SKU: sku, CreatedAt: created})
	}
	// The two rows from the vendor's own example come first.
	add("TestB", "testB")
	add("TestAC", "testAC")
	add(DuplicateName, "starter-monthly")
	add(DuplicateName, "starter-yearly")
	add("Free Trial", "trial")
	families := []struct{ name, sku string }{
		{"Image Classification", "img"},
		{"Video Classification", "vid"},
		{"Deepfake Detection", "dfk"},
		{"Partner Bundle", "bundle"},
		{"Enterprise", "ent"},
	}
	volumes := []struct{ name, sku string }{
		{"100", "100"}, {"500", "500"}, {"1K", "1k"}, {"5K", "5k"},
		{"10K", "10k"}, {"50K", "50k"}, {"100K", "100k"}, {"Unlimited", "unl"},
	}
	for _, f := range families {
		for _, v := range volumes {
			add(f.name+" "+v.name, f.sku+"-"+v.sku)
		}
	}

	d := &identifaiData{pricings: ps, sorted: map[string][]int{}}
	for _, p := range ps {
		b, _ := json.Marshal(p) // plain struct: cannot fail
		d.json = append(d.json, b)
	}
	less := map[string]func(a, b Pricing) int{
		"id": func(a, b Pricing) int { return a.ID - b.ID },
		"name": func(a, b Pricing) int {
			return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
		},
		"sku": func(a, b Pricing) int {
			return strings.Compare(strings.ToLower(a.SKU), strings.ToLower(b.SKU))
		},
		"created_at": func(a, b Pricing) int { return a.CreatedAt.Compare(b.CreatedAt) },
	}
	for field, cmpFn := range less {
		for _, dir := range []string{"asc", "desc"} {
			idx := make([]int, len(ps))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(i, j int) bool {
				c := cmpFn(ps[idx[i]], ps[idx[j]])
				if dir == "desc" {
					c = -c
				}
				// Ties (duplicate names) fall back to id order, as MySQL
				// usually returns them in primary-key order.
				return c < 0 || (c == 0 && ps[idx[i]].ID < ps[idx[j]].ID)
			})
			d.sorted[field+":"+dir] = idx
		}
	}
	return d
}
