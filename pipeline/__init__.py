"""us-mexico-facts: grounded facts from public documents on U.S.-Mexico relations."""
