// Runs the @nestjs/swagger CLI plugin inside ts-jest, as `nest build` does (ts-jest wants name/version/factory).
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  transformer.before({ introspectComments: true, classValidatorShim: true }, compiler.program);
