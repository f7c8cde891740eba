package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Every text that leaves the provider for Terraform passes through here: a
// vendor may echo a key back in any field of any body, header or link, and
// wherever the provider quotes it, the diagnostic is scrubbed on its way
// out, its control characters quoted and its length bounded (sanitize).
// Log lines written while serving a request are masked through the context
// the same way.

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	ctx = s.maskLogs(ctx)
	resp, err := s.readDataSource(ctx, req)
	if resp != nil {
		s.scrub(resp.Diagnostics)
	}
	return resp, err
}

func (s *server) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	resp, err := s.ProviderServer.ConfigureProvider(ctx, req)
	if resp != nil {
		s.scrub(resp.Diagnostics)
	}
	return resp, err
}

func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	ctx = s.maskLogs(ctx)
	resp, err := s.ProviderServer.CallFunction(ctx, req)
	if resp != nil && resp.Error != nil {
		resp.Error.Text = sanitize(s.provider.secrets.Scrub(resp.Error.Text))
	}
	return resp, err
}

func (s *server) scrub(diags []*tfprotov6.Diagnostic) {
	for _, d := range diags {
		d.Summary = sanitize(s.provider.secrets.Scrub(d.Summary))
		d.Detail = sanitize(s.provider.secrets.Scrub(d.Detail))
	}
}

// maskLogs masks the secrets and the control characters of every log line
// written while serving a request (see sanitize).
func (s *server) maskLogs(ctx context.Context) context.Context {
	ctx = s.provider.secrets.MaskLogs(ctx)
	ctx = tflog.MaskAllFieldValuesRegexes(ctx, controlCharacters)
	return tflog.MaskMessageRegexes(ctx, controlCharacters)
}
