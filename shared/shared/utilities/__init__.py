"""What every service needs: settings, database, redis, errors, logging and the app factory."""
