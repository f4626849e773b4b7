// Package screening is the domain of htscreen: what a screening asks, how it
// decides, and what it says to do. It holds no code of its own; its
// packages do, and none of them draws on a terminal, reads a flag or names a
// command (imports_test.go checks it):
//
//   - questionnaire loads and validates the YAML set and its answer vocabulary;
//   - rules decides a form's level and the red flags (the one package to read
//     for how a level is decided);
//   - interview decides which question is asked next and when the result is
//     settled;
//   - answers reads answers files;
//   - guidance says what to do next (contacts and steps);
//   - scenario holds the training personas;
//   - report and printout render results, explanations, the referral
//     directory and printable questionnaires;
//   - locale holds the program's own words.
//
// The terminal (line-by-line and full-screen runners) lives at the edge, in
// cmd/htscreen/internal/terminal, beside the commands in cmd/htscreen/cli.
package screening
