"""callredact: redact personal, special-category and payment-card data from call recordings."""

__version__ = "0.1.0"
