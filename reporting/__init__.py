"""What a run leaves in reports/: the HTML report, the coverage map, cucumber JSON and the run history."""
