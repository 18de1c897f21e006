"""licensecheck: licence compliance for the models, datasets and packages a project depends on."""

__version__ = "0.1.0"
