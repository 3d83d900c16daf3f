/** The channels of supply–demand connection, each handed to the service that does it. */
import type { supplyContract } from '../../shared/contracts/supply';
import type { HandlersFor } from '../handlerTypes';
import {
  agreementDraft,
  connectionsOfAgreement,
  connectionTrash,
  createAgreementFromConnection,
  createConnection,
  deleteConnection,
  listConnections,
  restoreConnection,
  updateConnection,
} from './connections';
import { suggestDemands, suggestOffers } from './suggestions';
import {
  createDemand,
  createOffer,
  deleteSupply,
  demandSide,
  getDemand,
  getOffer,
  listDemands,
  listOffers,
  offerSide,
  restoreSupply,
  supplyTrash,
  updateDemand,
  updateOffer,
  withdrawSupply,
} from './supply';
import {
  deleteProductGroup,
  deleteSalesChannel,
  deleteUnit,
  getSupplyLookupUse,
  getSupplyLookups,
  saveProductGroup,
  saveSalesChannel,
  saveUnit,
} from './supplyLookups';

export const supplyHandlers: HandlersFor<typeof supplyContract> = {
  'supply:lookups': (ctx) => getSupplyLookups(ctx),
  'supply:lookupUse': (ctx) => getSupplyLookupUse(ctx),
  'supply:saveProductGroup': (ctx, input) => saveProductGroup(ctx, input),
  'supply:deleteProductGroup': (ctx, { code }) => deleteProductGroup(ctx, code),
  'supply:saveUnit': (ctx, input) => saveUnit(ctx, input),
  'supply:deleteUnit': (ctx, { code }) => deleteUnit(ctx, code),
  'supply:saveChannel': (ctx, input) => saveSalesChannel(ctx, input),
  'supply:deleteChannel': (ctx, { code }) => deleteSalesChannel(ctx, code),

  'offers:list': (ctx, input) => listOffers(ctx, input),
  'offers:get': (ctx, { id }) => getOffer(ctx, id),
  'offers:create': (ctx, input) => createOffer(ctx, input, { askDuplicates: true }),
  'offers:update': (ctx, input) => updateOffer(ctx, input, { askDuplicates: true }),
  'offers:withdraw': (ctx, input) => withdrawSupply(ctx, offerSide, input),
  'offers:delete': (ctx, { id }) => deleteSupply(ctx, offerSide, id),
  'offers:restore': (ctx, { id }) => restoreSupply(ctx, offerSide, id),
  'offers:trash': (ctx, input) => supplyTrash(ctx, offerSide, input),
  'offers:suggestDemands': (ctx, { id }) => suggestDemands(ctx, id),

  'demands:list': (ctx, input) => listDemands(ctx, input),
  'demands:get': (ctx, { id }) => getDemand(ctx, id),
  'demands:create': (ctx, input) => createDemand(ctx, input, { askDuplicates: true }),
  'demands:update': (ctx, input) => updateDemand(ctx, input, { askDuplicates: true }),
  'demands:withdraw': (ctx, input) => withdrawSupply(ctx, demandSide, input),
  'demands:delete': (ctx, { id }) => deleteSupply(ctx, demandSide, id),
  'demands:restore': (ctx, { id }) => restoreSupply(ctx, demandSide, id),
  'demands:trash': (ctx, input) => supplyTrash(ctx, demandSide, input),
  'demands:suggestOffers': (ctx, { id }) => suggestOffers(ctx, id),

  'connections:list': (ctx, input) => listConnections(ctx, input),
  'connections:create': (ctx, input) => createConnection(ctx, input),
  'connections:update': (ctx, input) => updateConnection(ctx, input),
  'connections:delete': (ctx, { id }) => deleteConnection(ctx, id),
  'connections:restore': (ctx, { id }) => restoreConnection(ctx, id),
  'connections:trash': (ctx, input) => connectionTrash(ctx, input),
  'connections:agreementDraft': (ctx, { id }) => agreementDraft(ctx, id),
  'connections:createAgreement': (ctx, input) => createAgreementFromConnection(ctx, input),
  'connections:ofAgreement': (ctx, { agreementId }) => connectionsOfAgreement(ctx, agreementId),
};
