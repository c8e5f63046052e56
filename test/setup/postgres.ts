process.env.TEST_DRIVER = 'pg';
