package cli

import (
	"errors"
	"fmt"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// The domain's errors say what is wrong in its own terms; the advice that
// names this program's flags and commands is added here, at the edge.

// lookupAdvice says where the valid ids of each kind are listed, for an
// error about an unknown id close to no valid one.
var lookupAdvice = map[string]string{
	"question": "`htscreen list MODULE` shows the question ids",
}

// advise adds to err what the user can do about it with htscreen's own
// flags and commands. Errors it does not know are returned as they are.
func advise(err error) error {
	if errors.Is(err, q.ErrNoFiles) {
		return fmt.Errorf("%w; point --questionnaires at a folder that holds triage.yaml and the module files", err)
	}
	var list q.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if a := lookupAdvice[e.Unknown]; a != "" {
				e.Msg += "; " + a
				e.Unknown = ""
			}
		}
	}
	return err
}
