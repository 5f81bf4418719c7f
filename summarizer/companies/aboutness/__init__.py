"""Which companies a story is about: salience, and the cues and rules that tell a
subject (an agent, a maker, a party) from a passing name (a source, a platform)."""
