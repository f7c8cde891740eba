package layers

// Each vendor's emulator (issue 29) is a package of the vendor's folder,
// which only the shared sandbox and hostile server are below; the
// emulators' list (internal/vendors/sandboxes) is above them all, and only
// what serves every vendor (acceptance tests, cmd/pricing-sandbox, the
// benchmarks) imports it. No provider package imports an emulator. Added
// beside the table, as layers_s3_test.go is.
var emulators = []string{
	"internal/vendors/identifai/identifaisandbox",
	"internal/vendors/paygentic/paygenticsandbox",
	"internal/vendors/probely/probelysandbox",
	"internal/vendors/onepin/onepinsandbox",
	"internal/vendors/streamskill/streamskillsandbox",
}

func init() {
	for _, e := range emulators {
		allowed[e] = []string{"internal/sandbox", "internal/sandbox/hostile"}
	}
	allowed["internal/vendors/sandboxes"] = append([]string{"internal/sandbox", "internal/sandbox/hostile"}, emulators...)
	allowed["cmd/pricing-sandbox"] = append(allowed["cmd/pricing-sandbox"], "internal/vendors/sandboxes")
	allowed["internal/acctest"] = append(allowed["internal/acctest"], "internal/vendors/sandboxes")
	allowed["bench/compare"] = append(allowed["bench/compare"], append([]string{"internal/vendors/sandboxes"}, emulators...)...)
	// A vendor's name is written out in its own folder: its package, its
	// emulator and the registry lists beside them.
	declaredHere = append(declaredHere, "internal/vendors/")
}
