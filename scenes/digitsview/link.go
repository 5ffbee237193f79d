package digitsview

// Link adds to q the options that reproduce the set-up (ui.Linker): the
// task unless 4 vs 9, the model unless the task's default, each training
// option that differs from the model's recipe, and the view unless the
// first. Set(q) on a fresh scene gives the same Cfg and view.
func (s *Scene) Link(q map[string]string) {
	c := s.Cfg
	base := Default(c.Task)
	if c.Task != Default("").Task {
		q["task"] = c.Task
	}
	if c.Model != base.Model {
		q["model"] = c.Model
		if m, err := ForModel(c.Task, c.Model); err == nil {
			m.Seed, m.EvalEvery, m.Steps = base.Seed, base.EvalEvery, base.Steps // Apply keeps these across a model change
			base = m
		}
	}
	cur, def := c.Values(), base.Values()
	for k, v := range cur {
		if k != "task" && k != "model" && def[k] != v {
			q[k] = v
		}
	}
	if v := s.View(); v != 0 {
		q["view"] = Views[v]
	}
	if s.Racing() {
		q["compare"] = s.race.Spec.String()
	}
}
