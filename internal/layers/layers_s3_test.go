package layers

// The packages of the shared snapshot bucket (issue 30), added beside the
// table rather than in it, so that branches growing the table at the same
// time do not conflict on its realignment.
func init() {
	allowed["internal/clients/httpapi/snapshot/s3store"] = []string{"internal/clients/httpapi/snapshot"}
	allowed["internal/acctest/s3server"] = []string{}
	allowed["internal/acctest"] = append(allowed["internal/acctest"], "internal/acctest/s3server")
}

func init() {
	allowed["internal/clients/httpapi"] = append(allowed["internal/clients/httpapi"], "internal/clients/httpapi/snapshot/s3store")
}
