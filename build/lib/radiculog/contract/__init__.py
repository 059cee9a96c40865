"""The findings contract: packaged schemas and parsing of documents into engine types."""
