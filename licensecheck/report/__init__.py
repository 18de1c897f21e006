"""Output formats: each module renders a ScanResult for one audience."""
