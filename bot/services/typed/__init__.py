"""What people type, read: a command's company names (``names``) and settings changes
(``settings``), as plain data or one clear InputError."""
