"""The Clients page: clients and their channels."""
