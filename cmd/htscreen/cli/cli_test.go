package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/cli"
)

type run struct {
	code        int
	out, errOut string
}

func htscreen(t *testing.T, stdin string, args ...string) run {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &cli.IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }}
	code := cli.Main(args, ios, "test")
	return run{code, out.String(), errOut.String()}
}

func TestExitCodes(t *testing.T) {
	broken := filepath.Join("..", "..", "..", "screening", "questionnaire", "testdata", "broken", "unknown_key")
	answers := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(answers, []byte("works_for_someon: \"no\"\n"), 0o600))
	farAnswers := filepath.Join(t.TempDir(), "far.yaml")
	require.NoError(t, os.WriteFile(farAnswers, []byte("zzzzzzzz: \"no\"\n"), 0o600))
	empty := t.TempDir()
	twoDocs := filepath.Join(t.TempDir(), "two.yaml")
	require.NoError(t, os.WriteFile(twoDocs, []byte("age_band: adult\n---\ndanger_now: \"yes\"\n"), 0o600))
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stderr string
	}{
		{"version", []string{"--version"}, "", cli.ExitOK, ""},
		{"validate embedded", []string{"validate"}, "", cli.ExitOK, ""},
		{"validate broken", []string{"validate", broken}, "", cli.ExitError, "labor.yaml:16:5: unknown key \"typ\""},
		{"validate every language", []string{"validate", "--require-lang", "es,ar,bn,fr,ht,ko,pl,ru,ur,zh-Hans,zh-Hant"}, "", cli.ExitOK, ""},
		{"validate a language with no messages", []string{"validate", "--require-lang", "zz"}, "", cli.ExitError, `no message file for "zz": add screening/locale/messages/zz.yaml`},
		{"screen broken set asks nothing", []string{"screen", "--questionnaires", broken}, "1\n", cli.ExitError, "nothing was asked"},
		{"missing folder", []string{"screen", "--questionnaires", "/nonexistent/htscreen"}, "", cli.ExitError, "cannot read questionnaire folder /nonexistent/htscreen"},
		{"bad answers file", []string{"screen", "--answers", answers}, "", cli.ExitError, `bad.yaml:1:1: unknown question "works_for_someon"; did you mean "works_for_someone"?`},
		{"answers file naming no question near any", []string{"screen", "--answers", farAnswers}, "", cli.ExitError, "far.yaml:1:1: unknown question \"zzzzzzzz\"; `htscreen list MODULE` shows the question ids"},
		{"folder without questionnaires", []string{"screen", "--questionnaires", empty}, "", cli.ExitError, empty + ": no questionnaire files (*.yaml) in the folder; point --questionnaires at a folder that holds triage.yaml and the module files"},
		{"answers file with a second document", []string{"screen", "--answers", twoDocs}, "", cli.ExitError, "two.yaml:2:1: a second YAML document starts here"},
		{"missing answers file", []string{"screen", "--answers", "/nonexistent/a.yaml"}, "", cli.ExitError, "reading answers"},
		{"unknown output", []string{"screen", "--output", "xml"}, "", cli.ExitUsage, `invalid value "xml" for --output; valid values: text, markdown, json`},
		{"near output", []string{"screen", "--output", "jsn"}, "", cli.ExitUsage, `invalid value "jsn" for --output (did you mean "json"?)`},
		{"unknown lang", []string{"screen", "--lang", "de"}, "", cli.ExitUsage, "valid values: en, es"},
		{"unknown person lang", []string{"screen", "--person-lang", "de"}, "", cli.ExitUsage, `invalid value "de" for --person-lang; valid values: en, ar, bn, es, fr, ht, ko, pl, ru, ur, zh-Hans, zh-Hant`},
		{"train unknown person lang", []string{"train", "caregiver", "--person-lang", "de"}, "", cli.ExitUsage, `invalid value "de" for --person-lang; valid values: en, ar, bn, es, fr, ht, ko, pl, ru, ur, zh-Hans, zh-Hant`},
		{"near person lang", []string{"screen", "--person-lang", "esp"}, "", cli.ExitUsage, `(did you mean "es"?)`},
		{"person language as --lang", []string{"screen", "--lang", "ur"}, "", cli.ExitUsage, `--lang is your language, one of: en, es; Urdu is offered for the person's side: --person-lang ur`},
		{"unknown role", []string{"screen", "--role", "doctor"}, "", cli.ExitUsage, "valid values: police, shelter, health, trainer"},
		{"unknown region", []string{"screen", "--region", "nj"}, "", cli.ExitUsage, "valid values: nyc, nys"},
		{"unknown module", []string{"screen", "labour"}, "", cli.ExitUsage, `unknown module "labour"; valid modules: triage (alone: the triage only), labor, sex, forced_marriage, organ`},
		{"unknown flag", []string{"screen", "--nope"}, "", cli.ExitUsage, "unknown flag: --nope"},
		{"unknown command", []string{"scren"}, "", cli.ExitUsage, `unknown command "scren"`},
		{"end of input aborts", []string{"screen", "labor"}, "2\n2\n", cli.ExitAborted, "input ended before the screening was complete"},
		{"end of input at the role prompt aborts", []string{"screen"}, "", cli.ExitAborted, "input ended before the screening was complete"},
		{"q aborts", []string{"screen"}, "2\nq\n", cli.ExitAborted, "Screening stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := htscreen(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, "stderr: %s", r.errOut)
			assert.Contains(t, r.errOut, tt.stderr)
			if tt.code != cli.ExitOK {
				assert.Empty(t, r.out, "no result on stdout after an error or an abort")
			}
		})
	}
}

// An unknown argument is named as what it is, never as a flag that does not
// exist (--scenario, --module), and every command checks --lang.
func TestUnknownArgumentsAndLanguages(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "nosuch"}, `unknown scenario "nosuch"; valid scenarios: brother_donor, caregiver,`},
		{[]string{"train", "caregivr"}, `unknown scenario "caregivr" (did you mean "caregiver"?)`},
		{[]string{"list", "nosuch"}, `unknown module "nosuch"; valid modules: triage, means, labor, sex, forced_marriage, organ`},
		{[]string{"show", "labour"}, `unknown module "labour" (did you mean "labor"?); valid modules: triage, means, labor,`},
		{[]string{"list", "--lang", "de"}, `invalid value "de" for --lang; valid values: en, es`},
		{[]string{"list", "labor", "--lang", "de"}, `invalid value "de" for --lang; valid values: en, es`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := htscreen(t, "", tt.args...)
			assert.Equal(t, cli.ExitUsage, r.code)
			assert.Contains(t, r.errOut, tt.want)
			assert.NotContains(t, r.errOut, "--scenario")
			assert.NotContains(t, r.errOut, "--module")
			assert.Empty(t, r.out)
		})
	}
}

// show takes --output like every other command; --format still works, with
// a note that it is deprecated.
func TestShowOutput(t *testing.T) {
	r := htscreen(t, "", "show", "labor", "--output", "markdown")
	require.Equal(t, cli.ExitOK, r.code, r.errOut)
	assert.True(t, strings.HasPrefix(r.out, "# Labor trafficking"), r.out[:min(len(r.out), 80)])
	assert.Empty(t, r.errOut)
	old := htscreen(t, "", "show", "labor", "--format", "markdown")
	require.Equal(t, cli.ExitOK, old.code, old.errOut)
	assert.Equal(t, r.out, old.out)
	assert.Contains(t, old.errOut, "--format has been deprecated, use --output instead")
	bad := htscreen(t, "", "show", "labor", "-o", "json")
	assert.Equal(t, cli.ExitUsage, bad.code)
	assert.Contains(t, bad.errOut, `invalid value "json" for --output; valid values: text, markdown`)
}

func TestListJSON(t *testing.T) {
	r := htscreen(t, "", "list", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var list []struct {
		ID         string `json:"id"`
		Version    int    `json:"version"`
		Questions  int    `json:"questions"`
		Indicators int    `json:"indicators"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &list))
	require.GreaterOrEqual(t, len(list), 2)
	assert.Equal(t, "triage", list[0].ID)
	assert.Equal(t, "means", list[1].ID)
	assert.Equal(t, "labor", list[2].ID)
	assert.Positive(t, list[2].Indicators)

	r = htscreen(t, "", "list", "labor", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var mod struct {
		Questions []struct {
			ID      string   `json:"id"`
			AskedOf string   `json:"asked_of"`
			Answers []string `json:"answers"`
			ShowIf  string   `json:"show_if"`
		} `json:"questions"`
		Indicators []struct {
			ID, Dimension, Strength, Source string
		} `json:"indicators"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &mod))
	require.NotEmpty(t, mod.Questions)
	require.NotEmpty(t, mod.Indicators)
	for _, ind := range mod.Indicators {
		assert.NotEmpty(t, ind.Source, ind.ID)
	}

	r = htscreen(t, "", "list", "labr")
	assert.Equal(t, cli.ExitUsage, r.code)
	assert.Contains(t, r.errOut, `did you mean "labor"?`)
}

func TestPromptsOnStderrResultOnStdout(t *testing.T) {
	r := htscreen(t, "q\n", "screen", "--role", "police")
	assert.Contains(t, r.errOut, "Your observation:")
	assert.Empty(t, r.out)
}

func htscreenAt(t *testing.T, now time.Time, stdin string, args ...string) run {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &cli.IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, Now: func() time.Time { return now }}
	code := cli.Main(args, ios, "test")
	return run{code, out.String(), errOut.String()}
}

func TestResources(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	r := htscreenAt(t, today, "", "resources")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "National Human Trafficking Hotline; phone 1-888-373-7888; text 233733")
	assert.Contains(t, r.out, "VERIFY BEFORE USE")
	assert.Contains(t, r.out, "Contacts checked against archived copies of their sources on 2026-11-26.")
	assert.NotContains(t, r.out, "WARNING")

	r = htscreenAt(t, today, "", "resources", "--form", "organ", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var doc struct {
		Verified string `json:"verified"`
		Contacts []struct {
			ID, Source, Verified string
			Forms                []string
		} `json:"contacts"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &doc))
	require.NotEmpty(t, doc.Contacts)
	for _, c := range doc.Contacts {
		assert.Contains(t, c.Forms, "organ")
		assert.NotEmpty(t, c.Source, c.ID)
		assert.NotEmpty(t, c.Verified, c.ID)
		assert.NotEqual(t, "nhth", c.ID, "the hotline's acceptance of organ cases is not established")
	}

	r = htscreenAt(t, today, "", "resources", "--region", "nys")
	assert.NotContains(t, r.out, "Family Justice Centers")
	assert.Contains(t, r.out, "Worker Justice Center")

	r = htscreenAt(t, today, "", "resources", "--lang", "es", "--output", "markdown")
	assert.Contains(t, r.out, "# Directorio de derivación")
	assert.Contains(t, r.out, "(fuente: https://humantraffickinghotline.org/about-us/what-we-do, 2026-11-26)")

	r = htscreenAt(t, today, "", "resources", "--form", "labour")
	assert.Equal(t, cli.ExitUsage, r.code)
	assert.Contains(t, r.errOut, `did you mean "labor"?`)
}

func TestStaleContactsWarnEverywhere(t *testing.T) {
	later := time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	r := htscreenAt(t, later, "", "resources")
	assert.Contains(t, r.out, "WARNING: the contacts were last verified on 2026-11-26, more than a year ago.")

	answers := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, os.WriteFile(answers, []byte("danger_now: \"no\"\n"), 0o600))
	r = htscreenAt(t, later, "", "screen", "--answers", answers)
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "WARNING: the contacts were last verified")
	r = htscreenAt(t, later, "", "screen", "--answers", answers, "--output", "json")
	assert.Contains(t, r.out, `"guidance_stale": true`)
}

func TestRoleIsAskedOnce(t *testing.T) {
	// Role 1 (police), then q at the first question.
	r := htscreen(t, "9\n1\nq\n", "screen")
	assert.Equal(t, cli.ExitAborted, r.code)
	assert.Equal(t, 1, strings.Count(r.errOut, "Which best describes you?"))
	assert.Contains(t, r.errOut, `"9" is not one of the answers`)
}

func TestGuidanceFollowsRoleAndRegion(t *testing.T) {
	dir := t.TempDir()
	labor := filepath.Join(dir, "labor.yaml")
	require.NoError(t, os.WriteFile(labor, []byte(`obs_urgent_injury: "no"
danger_now: "no"
age_band: adult
obs_signs: [none]
works_for_someone: now
marriage_situation: "no"
organ_or_medical: "no"
sex_exchange: "no"
m_cannot_stop: now
m_cannot_stop_for: [work]
m_documents: now
m_documents_for: [work]
`), 0o600))
	r := htscreen(t, "", "screen", "--answers", labor, "--role", "police")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "must notify OTDA and DCJS")
	assert.NotContains(t, r.out, "only with their consent")

	r = htscreen(t, "", "screen", "--answers", labor, "--role", "shelter", "--region", "nys")
	assert.Contains(t, r.out, "only with their consent")
	assert.Contains(t, r.out, "Worker Justice Center")
	assert.NotContains(t, r.out, "Safe Horizon 24-hour hotline")

	marriage := filepath.Join(dir, "marriage.yaml")
	require.NoError(t, os.WriteFile(marriage, []byte(`obs_urgent_injury: "no"
danger_now: "no"
age_band: adult
obs_signs: [none]
works_for_someone: "no"
marriage_situation: "yes"
organ_or_medical: "no"
sex_exchange: "no"
fm_chose_freely: "no"
fm_can_refuse: "no"
m_harm: now
m_harm_for: [marriage]
`), 0o600))
	r = htscreen(t, "", "screen", "--answers", marriage, "--role", "shelter")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "Forced marriage: Refer")
	assert.Regexp(t, `[Nn]ever contact, inform or mediate with the family`, r.out)
}

func TestScreenTriageOnly(t *testing.T) {
	answers := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, os.WriteFile(answers, []byte("works_for_someone: now\nobs_signs: [companion_control]\nlabor_pay: not_paid\n"), 0o600))
	r := htscreen(t, "", "screen", "triage", "--answers", answers, "--role", "police", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.errOut, "not used because skip logic or the triage did not ask their questions: labor_pay")
	var doc struct {
		Forms map[string]struct {
			Screened bool   `json:"screened"`
			Reason   string `json:"not_screened_reason"`
		} `json:"forms"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &doc))
	assert.Equal(t, "routed", doc.Forms["labor"].Reason)
	assert.False(t, doc.Forms["labor"].Screened)
	assert.Equal(t, "not_routed", doc.Forms["organ"].Reason)

	r = htscreen(t, "", "screen", "triage", "labor")
	assert.Equal(t, cli.ExitUsage, r.code)
}

// Levels rate indicators about the person screened: a transplant recipient,
// or someone who knows of another person's case, is not screened as a donor.
func TestOrganQuestionsAreAboutThePersonsOwnOrgan(t *testing.T) {
	answers := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, os.WriteFile(answers, []byte("organ_or_medical: \"yes\"\norgan_whose: recipient\norgan_broker: \"yes\"\n"), 0o600))
	r := htscreen(t, "", "screen", "--answers", answers, "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.errOut, "not used because skip logic or the triage did not ask their questions: organ_broker")
	var doc struct {
		Forms map[string]struct {
			Level    string `json:"level"`
			Screened bool   `json:"screened"`
		} `json:"forms"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &doc))
	assert.True(t, doc.Forms["organ"].Screened)
	assert.Equal(t, "none", doc.Forms["organ"].Level)
}
